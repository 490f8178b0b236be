package io.roxxane.agent.summary;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
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
    private int files;

    /** Reads every sample under {@code root}. */
    public static Summary of(File root) throws IOException {
        final Summary summary = new Summary();
        summary.files = new SampleStore().forEach(root, new SampleStore.Visitor() {
            @Override
            public void visit(File file, Map<String, Object> sample) {
                summary.add(partitionOf(root, file), sample);
            }
        });
        return summary;
    }

    private static String partitionOf(File root, File file) {
        String relative = root.toURI().relativize(file.getParentFile().toURI()).getPath();
        // service=x/year=YYYY/month=MM/day=DD/hour=HH/ -> "x  YYYY-MM-DD HH:00Z"
        String[] parts = relative.split("/");
        if (parts.length < 5) {
            return relative;
        }
        return value(parts[0]) + "  " + value(parts[1]) + "-" + value(parts[2]) + "-" + value(parts[3]) + " "
                + value(parts[4]) + ":00Z";
    }

    private static String value(String segment) {
        int eq = segment.indexOf('=');
        return eq >= 0 ? segment.substring(eq + 1) : segment;
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

    public int files() {
        return files;
    }

    /** Writes the digest as a table. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%d samples in %d files, %d service-hours%n", samples(), files, groups.size());
        out.printf(Locale.ROOT, "%-40s %7s %5s %9s %9s %7s %7s %8s %7s %6s%n", "service  hour (UTC)", "samples",
                "inst", "heap avg", "heap max", "cpu%", "host%", "gc ms", "threads", "lost");
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            Group g = entry.getValue();
            out.printf(Locale.ROOT, "%-40s %7d %5d %9s %9s %7s %7s %8d %7d %6d%n", entry.getKey(), g.samples,
                    g.instances.size(), mib(g.heapSum / Math.max(1, g.heapCount)), mib(g.heapMax),
                    percent(g.cpuSum, g.cpuCount), percent(g.hostCpuSum, g.hostCpuCount), g.gcMillis, g.threadsMax,
                    g.lostSamples());
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
