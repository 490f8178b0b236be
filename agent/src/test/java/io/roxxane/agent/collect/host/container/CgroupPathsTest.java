package io.roxxane.agent.collect.host.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.host.Fixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which directory each controller is read in, on the recorded trees of host/cgroup. */
class CgroupPathsTest {
    @TempDir
    Path dir;

    @Test
    void resolve_v2InItsOwnNamespace_theMountPoint() {
        Path root = Fixtures.path("cgroup/v2-container");
        CgroupPaths paths = CgroupTrees.paths(root);
        assertEquals(root.resolve("sys/fs/cgroup").toFile(), paths.v2());
        assertFalse(paths.isV1("memory"));
        assertEquals(paths.v2(), paths.directory("memory"));
        assertEquals(paths.v2(), paths.directory("pids"));
    }

    @Test
    void resolve_v2NestedPath_theCgroupsDirectoryBelowTheMount() {
        Path root = Fixtures.path("cgroup/v2-host-nested");
        assertEquals(root.resolve("sys/fs/cgroup/kubepods.slice/kubepods-besteffort.slice/"
                + "kubepods-besteffort-pod6f1c2a7e.slice/cri-containerd-3c1f9a2b.scope").toFile(), CgroupTrees.paths(root).v2());
    }

    @Test
    void resolve_v1WithTheContainersCgroupMountedAsTheTop_eachHierarchysMountPoint() {
        Path root = Fixtures.path("cgroup/v1-docker");
        CgroupPaths paths = CgroupTrees.paths(root);
        File cgroup = root.resolve("sys/fs/cgroup").toFile();
        assertEquals(new File(cgroup, "cpu,cpuacct"), paths.v1("cpu"));
        assertEquals(new File(cgroup, "cpu,cpuacct"), paths.v1("cpuacct"));
        assertEquals(new File(cgroup, "memory"), paths.v1("memory"));
        assertEquals(new File(cgroup, "pids"), paths.directory("pids"));
        assertNull(paths.v2());
        assertNull(paths.directory("io"), "neither a v1 hierarchy nor v2");
    }

    @Test
    void resolve_v1NestedPathWithControllersInAnotherOrder_theCgroupsDirectory() {
        Path root = Fixtures.path("cgroup/v1-host-nested");
        CgroupPaths paths = CgroupTrees.paths(root);
        File cgroup = root.resolve("sys/fs/cgroup").toFile();
        assertEquals(new File(cgroup, "cpu,cpuacct/system.slice/app.service"), paths.v1("cpu"));
        assertEquals(new File(cgroup, "cpu,cpuacct/system.slice/app.service"), paths.v1("cpuacct"));
        assertEquals(new File(cgroup, "memory/system.slice/app.service"), paths.v1("memory"));
        assertEquals(new File(cgroup, "pids/system.slice/app.service"), paths.v1("pids"));
    }

    @Test
    void resolve_hybrid_v1ForItsControllersAndV2Beside() {
        Path root = Fixtures.path("cgroup/hybrid-sandbox");
        CgroupPaths paths = CgroupTrees.paths(root);
        File cgroup = root.resolve("sys/fs/cgroup").toFile();
        assertEquals(new File(cgroup, "cpu"), paths.v1("cpu"));
        assertEquals(new File(cgroup, "cpuacct"), paths.v1("cpuacct"));
        assertEquals(new File(cgroup, "memory/process_api/5b6a48a38f3e5aa4a63b69a748bdcaf5"), paths.v1("memory"));
        assertEquals(new File(cgroup, "pids"), paths.directory("pids"));
        assertEquals(new File(cgroup, "unified"), paths.v2());
        assertTrue(paths.isV1("memory"));
    }

    @Test
    void resolve_pathNotVisible_theMountPoint() throws Exception {
        Path root = CgroupTrees.copy("v2-container", dir);
        // A container in the host's cgroup namespace names a path its own mount does not show.
        Files.writeString(root.resolve("proc/self/cgroup"), "0::/system.slice/docker-4e1f0c9d8b7a.scope\n");
        assertEquals(root.resolve("sys/fs/cgroup").toFile(), CgroupTrees.paths(root).v2());
    }

    @Test
    void resolve_mountRootOutsideThePath_theMountPoint() throws Exception {
        Path root = CgroupTrees.copy("v1-docker", dir);
        Files.writeString(root.resolve("proc/self/cgroup"), "4:memory:/elsewhere\n");
        assertEquals(root.resolve("sys/fs/cgroup/memory").toFile(), CgroupTrees.paths(root).v1("memory"));
    }

    @Test
    void resolve_withoutProcFiles_nothing() {
        CgroupPaths paths = CgroupPaths.resolve(dir.resolve("cgroup").toFile(), dir.resolve("mountinfo").toFile(),
                dir.toFile());
        assertNull(paths.directory("memory"));
        assertNull(paths.v2());
    }
}
