package io.roxxane.agent.collect.host.container;

import io.roxxane.agent.collect.host.Mount;
import io.roxxane.agent.collect.host.MountInfo;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where this process's own cgroup is, per controller: {@code /proc/self/cgroup} names the cgroup
 * in each hierarchy ({@code id:controllers:path}; cgroup v2 is the line {@code 0::path}), and
 * {@code /proc/self/mountinfo} says where each hierarchy is mounted and which of its directories
 * the mount shows (a container without its own cgroup namespace sees its cgroup mounted as the
 * hierarchy's top). A controller mounted as cgroup v1 is read there (also on a "hybrid" host,
 * where v2 is mounted beside the v1 hierarchies, usually without controllers); any other is read
 * in the v2 cgroup. Resolved once, when the agent starts; a process moved to another cgroup
 * afterwards is still read in the first.
 *
 * <p>The directory is the mount point plus the cgroup's path below the mount's root; when that
 * is not a directory (a container whose cgroup namespace shows a host path, as the JDK's own
 * container support also allows for) the mount point itself. Mount points are taken below
 * {@code root} ("/", or a recorded tree in tests).
 */
public final class CgroupPaths {
    private final Map<String, File> v1;
    private final File v2;

    CgroupPaths(Map<String, File> v1, File v2) {
        this.v1 = Collections.unmodifiableMap(v1);
        this.v2 = v2;
    }

    /** This process's cgroup; nothing where /proc cannot be read (off Linux). */
    public static CgroupPaths ofThisProcess() {
        return resolve(new File("/proc/self/cgroup"), new File("/proc/self/mountinfo"), new File("/"));
    }

    static CgroupPaths resolve(File procSelfCgroup, File mountinfo, File root) {
        Map<String, File> v1 = new HashMap<String, File>();
        File v2 = null;
        String[] lines = lines(procSelfCgroup);
        List<Mount> mounts = MountInfo.read(mountinfo);
        if (lines == null || mounts == null) {
            return new CgroupPaths(v1, null);
        }
        for (String line : lines) {
            int first = line.indexOf(':');
            int second = first < 0 ? -1 : line.indexOf(':', first + 1);
            if (second < 0) {
                continue;
            }
            String controllers = line.substring(first + 1, second);
            String path = line.substring(second + 1);
            if (line.startsWith("0::")) {
                Mount mount = cgroup2Mount(mounts);
                if (mount != null) {
                    v2 = directory(root, mount, path);
                }
                continue;
            }
            for (String controller : controllers.split(",")) {
                Mount mount = v1Mount(mounts, controller);
                if (!controller.isEmpty() && mount != null && !v1.containsKey(controller)) {
                    v1.put(controller, directory(root, mount, path));
                }
            }
        }
        return new CgroupPaths(v1, v2);
    }

    /** The directory of {@code controller}'s cgroup where it is mounted as cgroup v1; null if it is not. */
    File v1(String controller) {
        return v1.get(controller);
    }

    /** The directory of the cgroup v2 cgroup; null without cgroup v2. */
    File v2() {
        return v2;
    }

    /** Whether {@code controller} is read from cgroup v1. */
    boolean isV1(String controller) {
        return v1.containsKey(controller);
    }

    /** Where {@code controller} is read: its v1 cgroup, or else the v2 cgroup; null if neither. */
    File directory(String controller) {
        File dir = v1.get(controller);
        return dir != null ? dir : v2;
    }

    private static Mount v1Mount(List<Mount> mounts, String controller) {
        for (Mount mount : mounts) {
            if (mount.type().equals("cgroup") && mount.hasSuperOption(controller)) {
                return mount;
            }
        }
        return null;
    }

    private static Mount cgroup2Mount(List<Mount> mounts) {
        for (Mount mount : mounts) {
            if (mount.type().equals("cgroup2")) {
                return mount;
            }
        }
        return null;
    }

    /** The mount point plus the path below the mount's root, or the mount point where that is not a directory. */
    static File directory(File root, Mount mount, String path) {
        File mountPoint = new File(root, mount.mountPoint());
        String mountRoot = mount.root();
        String below;
        if (mountRoot.equals("/")) {
            below = path;
        } else if (path.equals(mountRoot)) {
            below = "";
        } else if (path.startsWith(mountRoot + "/")) {
            below = path.substring(mountRoot.length());
        } else {
            return mountPoint;
        }
        File dir = below.isEmpty() || below.equals("/") ? mountPoint : new File(mountPoint, below);
        return dir.isDirectory() ? dir : mountPoint;
    }

    private static String[] lines(File file) {
        try {
            return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8).split("\n");
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "cgroup v1 " + v1 + ", v2 " + v2;
    }
}
