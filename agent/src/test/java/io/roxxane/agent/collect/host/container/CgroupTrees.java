package io.roxxane.agent.collect.host.container;

import io.roxxane.agent.collect.host.Fixtures;
import java.nio.file.Path;

/** The recorded cgroup trees of host/cgroup, copied to a directory a test may change. */
final class CgroupTrees {
    private CgroupTrees() {
    }

    /** A copy of {@code host/cgroup/<name>} in {@code dir}. */
    static Path copy(String name, Path dir) {
        return Fixtures.copy("cgroup/" + name, dir.resolve(name));
    }

    /** The cgroup of the process whose view {@code root} holds. */
    static CgroupPaths paths(Path root) {
        return CgroupPaths.resolve(root.resolve("proc/self/cgroup").toFile(), root.resolve("proc/self/mountinfo").toFile(),
                root.toFile());
    }
}
