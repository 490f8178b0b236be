package io.roxxane.agent.collect.host;

/**
 * One line of /proc/self/mountinfo: which file system (type, source, device number) is mounted
 * where, and which of its directories ({@link #root()}) appears there.
 */
public final class Mount {
    private final String device;
    private final String root;
    private final String mountPoint;
    private final String type;
    private final String source;
    private final String superOptions;

    public Mount(String device, String root, String mountPoint, String type, String source, String superOptions) {
        this.device = device;
        this.root = root;
        this.mountPoint = mountPoint;
        this.type = type;
        this.source = source;
        this.superOptions = superOptions;
    }

    /** The file system's device number, {@code major:minor}; major 0 for those no block device holds. */
    public String device() {
        return device;
    }

    /** The directory of the file system mounted here: "/" for the whole of it, another for a bind mount or a cgroup. */
    public String root() {
        return root;
    }

    public String mountPoint() {
        return mountPoint;
    }

    /** The file system type: ext4, xfs, tmpfs, overlay, cgroup2, … */
    public String type() {
        return type;
    }

    /** What was mounted: a device path such as /dev/nvme0n1p1, or a name (tmpfs, overlay, server:/export). */
    public String source() {
        return source;
    }

    /** The file system's own options, comma-separated (for cgroup v1: its controllers). */
    public String superOptions() {
        return superOptions;
    }

    /** Whether {@code option} is one of the comma-separated {@link #superOptions()}. */
    public boolean hasSuperOption(String option) {
        int from = 0;
        while (from <= superOptions.length()) {
            int comma = superOptions.indexOf(',', from);
            int end = comma < 0 ? superOptions.length() : comma;
            if (end - from == option.length() && superOptions.startsWith(option, from)) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    @Override
    public String toString() {
        return source + " on " + mountPoint + " type " + type + " (root " + root + ", device " + device + ")";
    }
}
