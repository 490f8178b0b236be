package io.roxxane.agent.summary;

import io.roxxane.agent.files.OwnedFile;
import java.io.File;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A readable digest of a local data directory: per service and hour, how many samples from how
 * many agent instances, and headline numbers (heap, CPU, GC time, threads, lost samples).
 */
public final class Summary {
    private final Map<String, Group> groups = new TreeMap<String, Group>();
    private ReadReport report;

    /** Reads every sample under {@code root}; what cannot be read is skipped and counted in {@link #report()}. */
    public static Summary of(File root) {
        final Summary summary = new Summary();
        summary.report = new SampleStore().forEach(root, new SampleStore.Visitor() {
            @Override
            public void visit(OwnedFile file, Map<String, Object> sample) {
                summary.add(partitionOf(file.folders()), sample);
            }
        });
        return summary;
    }

    /** {@code service=x/year=YYYY/month=MM/day=DD/hour=HH} gives {@code "x  YYYY-MM-DD HH:00Z"}. */
    private static String partitionOf(List<String> folders) {
        return value(folders.get(0)) + "  " + value(folders.get(1)) + "-" + value(folders.get(2)) + "-"
                + value(folders.get(3)) + " " + value(folders.get(4)) + ":00Z";
    }

    private static String value(String segment) {
        return segment.substring(segment.indexOf('=') + 1);
    }

    void add(String key, Map<String, Object> sample) {
        Group group = groups.get(key);
        if (group == null) {
            group = new Group();
            groups.put(key, group);
        }
        group.add(sample);
    }

    public int samples() {
        int total = 0;
        for (Group group : groups.values()) {
            total += group.samples;
        }
        return total;
    }

    /** The sink's closed files read. */
    public int files() {
        return report.filesRead();
    }

    /** What was skipped. */
    public ReadReport report() {
        return report;
    }

    /** Writes the digest as a table. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%d samples in %d files, %d service-hours%n", samples(), files(), groups.size());
        out.printf(Locale.ROOT, "%-40s %7s %5s %9s %9s %7s %7s %8s %7s %6s%n", "service  hour (UTC)", "samples",
                "inst", "heap avg", "heap max", "cpu%", "host%", "gc ms", "threads", "lost");
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            Group g = entry.getValue();
            out.printf(Locale.ROOT, "%-40s %7d %5d %9s %9s %7s %7s %8d %7d %6d%n", entry.getKey(), g.samples,
                    g.instances.size(), mib(g.heapSum / Math.max(1, g.heapCount)), mib(g.heapMax),
                    percent(g.cpuSum, g.cpuCount), percent(g.hostCpuSum, g.hostCpuCount), g.gcMillis, g.threadsMax,
                    g.lostSamples());
        }
        String skipped = report.describe();
        if (skipped != null) {
            out.println(skipped);
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1fM", bytes / 1048576.0);
    }

    private static String percent(double sum, long count) {
        return count == 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100 * sum / count);
    }

    /** Aggregates of one service-hour. */
    static final class Group {
        int samples;
        final Set<String> instances = new HashSet<String>();
        final Map<String, long[]> seqRange = new TreeMap<String, long[]>();
        long heapSum;
        long heapCount;
        long heapMax;
        double cpuSum;
        long cpuCount;
        double hostCpuSum;
        long hostCpuCount;
        long gcMillis;
        long threadsMax;

        void add(Map<String, Object> s) {
            samples++;
            Object instance = s.get("instance_id");
            if (instance != null) {
                instances.add(instance.toString());
                long seq = number(s.get("seq"), -1);
                if (seq >= 0) {
                    long[] range = seqRange.get(instance.toString());
                    if (range == null) {
                        seqRange.put(instance.toString(), new long[] {seq, seq, 1});
                    } else {
                        range[0] = Math.min(range[0], seq);
                        range[1] = Math.max(range[1], seq);
                        range[2]++;
                    }
                }
            }
            long heap = number(s.get("jvm_heap_used_bytes"), -1);
            if (heap >= 0) {
                heapSum += heap;
                heapCount++;
                heapMax = Math.max(heapMax, heap);
            }
            Object cpu = s.get("process_cpu_utilization");
            if (cpu instanceof Number) {
                cpuSum += ((Number) cpu).doubleValue();
                cpuCount++;
            }
            Object hostCpu = s.get("host_cpu_utilization");
            if (hostCpu instanceof Number) {
                hostCpuSum += ((Number) hostCpu).doubleValue();
                hostCpuCount++;
            }
            gcMillis += Math.max(0, number(s.get("jvm_gc_young_time_ms"), 0))
                    + Math.max(0, number(s.get("jvm_gc_old_time_ms"), 0));
            threadsMax = Math.max(threadsMax, number(s.get("jvm_threads_live"), 0));
        }

        /** Missing seq numbers inside each instance's range in this hour. */
        long lostSamples() {
            long lost = 0;
            for (long[] range : seqRange.values()) {
                lost += Math.max(0, (range[1] - range[0] + 1) - range[2]);
            }
            return lost;
        }

        private static long number(Object value, long orElse) {
            return value instanceof Number ? ((Number) value).longValue() : orElse;
        }
    }
}
