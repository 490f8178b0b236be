package io.roxxane.agent.collect;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Independent readings of /proc and /sys, for comparing collectors with what the kernel says. */
public final class ProcFiles {
    private ProcFiles() {
    }

    public static List<String> lines(String path) {
        try {
            return Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A "Key:   123 kB" line of /proc/meminfo or /proc/self/status, in bytes. */
    public static long kbLineBytes(String path, String key) {
        for (String line : lines(path)) {
            if (line.startsWith(key + ":")) {
                String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024L;
            }
        }
        throw new IllegalStateException(key + " not in " + path);
    }

    public static long meminfoBytes(String key) {
        return kbLineBytes("/proc/meminfo", key);
    }

    public static long vmRssBytes() {
        return kbLineBytes("/proc/self/status", "VmRSS");
    }

    /** The soft "Max open files" limit of this process. */
    public static long maxOpenFilesSoft() {
        for (String line : lines("/proc/self/limits")) {
            if (line.startsWith("Max open files")) {
                return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no Max open files in /proc/self/limits");
    }

    public static int openFdCount() {
        try (Stream<Path> entries = Files.list(Paths.get("/proc/self/fd"))) {
            return (int) entries.count() - 1; // the directory stream itself holds one
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] loadAverages() {
        String[] parts = lines("/proc/loadavg").get(0).split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    public static double uptimeSeconds() {
        return Double.parseDouble(lines("/proc/uptime").get(0).split("\\s+")[0]);
    }

    public static int cpuinfoProcessors() {
        int n = 0;
        for (String line : lines("/proc/cpuinfo")) {
            if (line.matches("processor\\s*:.*")) {
                n++;
            }
        }
        return n;
    }

    /** rx bytes, rx packets, tx bytes, tx packets summed over every interface of /proc/net/dev but lo. */
    public static long[] netDevNonLoopback() {
        long[] sum = new long[4];
        for (String line : lines("/proc/net/dev")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            if (name.equals("lo")) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            sum[0] += Long.parseLong(f[0]);
            sum[1] += Long.parseLong(f[1]);
            sum[2] += Long.parseLong(f[8]);
            sum[3] += Long.parseLong(f[9]);
        }
        return sum;
    }

    /** Names of /proc/net/dev interfaces but lo. */
    public static List<String> netDevNames() {
        return lines("/proc/net/dev").stream().filter(l -> l.indexOf(':') > 0)
                .map(l -> l.substring(0, l.indexOf(':')).trim()).filter(n -> !n.equals("lo")).toList();
    }

    /**
     * reads, read bytes, writes, written bytes from /proc/diskstats, summed over whole disks backed by a
     * device (those with /sys/block/NAME/device: not loop, ram, zram or device-mapper).
     */
    public static long[] diskstatsWholeDisks() {
        long[] sum = new long[4];
        for (String line : lines("/proc/diskstats")) {
            String[] f = line.trim().split("\\s+");
            String name = f[2];
            if (!new File("/sys/block/" + name + "/device").exists()) {
                continue; // a partition (no /sys/block entry) or a virtual device
            }
            sum[0] += Long.parseLong(f[3]);
            sum[1] += Long.parseLong(f[5]) * 512L;
            sum[2] += Long.parseLong(f[7]);
            sum[3] += Long.parseLong(f[9]) * 512L;
        }
        return sum;
    }
}
