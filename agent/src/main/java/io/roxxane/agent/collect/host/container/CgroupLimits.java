package io.roxxane.agent.collect.host.container;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The CPU quota, memory limit and process limit of this process's own cgroup ({@link CgroupPaths}):
 * cgroup v2 has {@code cpu.max}, {@code memory.max} and {@code pids.max}; v1 has
 * {@code cpu.cfs_quota_us} and {@code cpu.cfs_period_us}, {@code memory.limit_in_bytes} and
 * {@code pids.max}. "No limit" ({@code max}, a quota of -1, v1's page-aligned near-{@code
 * Long.MAX_VALUE} memory limit, or no such file: the root cgroup has none) reads as -1.
 */
final class CgroupLimits {
    /** cgroup v1 reports "no memory limit" as a huge page-aligned number, not -1. */
    static final long UNLIMITED_THRESHOLD = Long.MAX_VALUE / 2;

    private final CgroupPaths paths;
    private double cpuCores = -1;
    private long memoryBytes = -1;
    private long pids = -1;

    CgroupLimits(CgroupPaths paths) {
        this.paths = paths;
    }

    /** Reads the limits again; afterwards {@link #cpuCores()}, {@link #memoryBytes()} and {@link #pids()} hold them. */
    void read() {
        cpuCores = -1;
        memoryBytes = -1;
        pids = -1;
        File cpu = paths.directory("cpu");
        if (paths.isV1("cpu")) {
            setCpu(single(new File(cpu, "cpu.cfs_quota_us")), single(new File(cpu, "cpu.cfs_period_us")));
        } else if (cpu != null) {
            String[] cpuMax = fields(new File(cpu, "cpu.max")); // "max 100000" or "150000 100000"
            if (cpuMax != null && cpuMax.length == 2) {
                setCpu(number(cpuMax[0]), number(cpuMax[1]));
            }
        }
        File memory = paths.directory("memory");
        if (memory != null) {
            long bytes = single(new File(memory, paths.isV1("memory") ? "memory.limit_in_bytes" : "memory.max"));
            memoryBytes = bytes > 0 && bytes < UNLIMITED_THRESHOLD ? bytes : -1;
        }
        File pidsDir = paths.directory("pids");
        if (pidsDir != null) {
            long max = single(new File(pidsDir, "pids.max")); // "max" or a count
            pids = max > 0 ? max : -1;
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

    /** Limit on processes and threads; -1 when there is none. */
    long pids() {
        return pids;
    }

    private void setCpu(long quota, long period) {
        cpuCores = quota > 0 && period > 0 ? (double) quota / period : -1;
    }

    private static long single(File file) {
        String[] fields = fields(file);
        return fields != null && fields.length == 1 ? number(fields[0]) : -1;
    }

    /** A file's first line split on blanks; null if it cannot be read or is empty. */
    private static String[] fields(File file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).trim();
        return line.isEmpty() ? null : line.split("\\s+");
    }

    /** A decimal number; -1 for anything else ("max", "-1", garbage). */
    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
