package io.roxxane.agent.collect.host;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The CPU quota and memory limit of this process's own cgroup, read from the files the kernel
 * exposes: {@code /proc/self/cgroup} names the cgroup; under {@code /sys/fs/cgroup}, cgroup v2
 * has {@code cpu.max} and {@code memory.max}, v1 has {@code cpu.cfs_quota_us},
 * {@code cpu.cfs_period_us} and {@code memory.limit_in_bytes}. As OSHI's {@code CgroupInfo}
 * does: the process's own cgroup, or the hierarchy's root where that path is not visible (a
 * container sees its cgroup as the root). Off Linux there is no such file and no limit.
 */
final class CgroupLimits {
    /** cgroup v1 reports "no memory limit" as a huge page-aligned number, not -1. */
    static final long UNLIMITED_THRESHOLD = Long.MAX_VALUE / 2;

    private final File procSelfCgroup;
    private final File cgroupRoot;
    private double cpuCores = -1;
    private long memoryBytes = -1;

    CgroupLimits() {
        this(new File("/proc/self/cgroup"), new File("/sys/fs/cgroup"));
    }

    CgroupLimits(File procSelfCgroup, File cgroupRoot) {
        this.procSelfCgroup = procSelfCgroup;
        this.cgroupRoot = cgroupRoot;
    }

    /** Reads the limits again; afterwards {@link #cpuCores()} and {@link #memoryBytes()} hold them. */
    void read() {
        cpuCores = -1;
        memoryBytes = -1;
        List<String> lines = lines(procSelfCgroup);
        if (lines == null) {
            return;
        }
        String v2Path = null;
        String cpuV1 = null;
        String memoryV1 = null;
        for (String line : lines) {
            // hierarchy-id:controller,controller:path
            int first = line.indexOf(':');
            int second = first < 0 ? -1 : line.indexOf(':', first + 1);
            if (second < 0) {
                continue;
            }
            String controllers = line.substring(first + 1, second);
            String path = line.substring(second + 1);
            if (line.startsWith("0::")) {
                v2Path = path;
            } else if (hasController(controllers, "cpu")) {
                cpuV1 = controllers + ":" + path;
            } else if (hasController(controllers, "memory")) {
                memoryV1 = controllers + ":" + path;
            }
        }
        if (cpuV1 != null || memoryV1 != null) {
            readV1(cpuV1, memoryV1);
        } else if (v2Path != null) {
            readV2(v2Path);
        }
    }

    /** CPU quota in cores (quota over period); -1 when there is none. */
    double cpuCores() {
        return cpuCores;
    }

    /** Memory limit in bytes; -1 when there is none. */
    long memoryBytes() {
        return memoryBytes;
    }

    private void readV2(String path) {
        File dir = visible(cgroupRoot, path);
        String[] cpuMax = fields(new File(dir, "cpu.max")); // "max 100000" or "150000 100000"
        if (cpuMax != null && cpuMax.length == 2) {
            setCpu(number(cpuMax[0]), number(cpuMax[1]));
        }
        String[] memoryMax = fields(new File(dir, "memory.max")); // "max" or bytes
        if (memoryMax != null && memoryMax.length == 1) {
            setMemory(number(memoryMax[0]));
        }
    }

    private void readV1(String cpu, String memory) {
        if (cpu != null) {
            File dir = v1Directory(cpu, "cpu");
            setCpu(single(new File(dir, "cpu.cfs_quota_us")), single(new File(dir, "cpu.cfs_period_us")));
        }
        if (memory != null) {
            setMemory(single(new File(v1Directory(memory, "memory"), "memory.limit_in_bytes")));
        }
    }

    /** A v1 controller's directory: mounted as the controller list ("cpu,cpuacct") or the controller alone. */
    private File v1Directory(String controllersAndPath, String controller) {
        int colon = controllersAndPath.indexOf(':');
        File mount = new File(cgroupRoot, controllersAndPath.substring(0, colon));
        if (!mount.isDirectory()) {
            mount = new File(cgroupRoot, controller);
        }
        return visible(mount, controllersAndPath.substring(colon + 1));
    }

    private void setCpu(long quota, long period) {
        cpuCores = quota > 0 && period > 0 ? (double) quota / period : -1;
    }

    private void setMemory(long bytes) {
        memoryBytes = bytes > 0 && bytes < UNLIMITED_THRESHOLD ? bytes : -1;
    }

    /** The cgroup's directory under the hierarchy's mount, or the mount itself where it is not visible. */
    private static File visible(File mount, String path) {
        File dir = new File(mount, path);
        return dir.isDirectory() ? dir : mount;
    }

    private static boolean hasController(String controllers, String wanted) {
        for (String controller : controllers.split(",")) {
            if (controller.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static long single(File file) {
        String[] fields = fields(file);
        return fields != null && fields.length == 1 ? number(fields[0]) : -1;
    }

    /** A file's first line split on blanks; null if it cannot be read or is empty. */
    private static String[] fields(File file) {
        List<String> lines = lines(file);
        if (lines == null || lines.isEmpty() || lines.get(0).trim().isEmpty()) {
            return null;
        }
        return lines.get(0).trim().split("\\s+");
    }

    /** A decimal number; -1 for anything else ("max", "-1", garbage). */
    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static List<String> lines(File file) {
        try {
            return Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
