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
 * many agent instances, and headline numbers (heap, CPU, GC pauses, threads, container throttling
 * and OOM kills, samples sent in distress, lost samples); then where each instance ran (host,
 * cloud, ECS task or Kubernetes pod).
 */
public final class Summary {
    private final Map<String, Group> groups = new TreeMap<String, Group>();
    private final Map<String, Where> instances = new TreeMap<String, Where>();
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
        Object instance = sample.get("instance_id");
        if (instance != null && !instances.containsKey(instance.toString())) {
            instances.put(instance.toString(), Where.of(sample));
        }
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

    /** Writes the digest as two aligned tables: the service-hours, then where each instance ran. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%d samples in %d files, %d service-hours%n%n", samples(), files(), groups.size());
        TextTable hours = new TextTable("service", "hour (UTC)", ">samples", ">inst", ">heap avg", ">heap max",
                ">cpu%", ">host%", ">gc pause ms", ">threads", ">throttled ms", ">oom kills", ">distress", ">lost");
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            Group g = entry.getValue();
            String[] key = entry.getKey().split("  ", 2);
            hours.row(key[0], key[1], g.samples, g.instances.size(), mib(g.heapSum / Math.max(1, g.heapCount)),
                    mib(g.heapMax), percent(g.cpuSum, g.cpuCount), percent(g.hostCpuSum, g.hostCpuCount), g.gcMillis,
                    g.threadsMax, g.throttledMillis.orNull(), g.oomKills.orNull(), g.distressSamples, g.lostSamples());
        }
        hours.print(out);
        if (!instances.isEmpty()) {
            out.println();
            TextTable where = new TextTable("service", "instance", "host", "cloud", "where");
            for (Map.Entry<String, Where> entry : instances.entrySet()) {
                Where w = entry.getValue();
                where.row(w.service, entry.getKey().substring(0, Math.min(8, entry.getKey().length())), w.host,
                        w.cloud(), w.place());
            }
            where.print(out);
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
        final Total throttledMillis = new Total();
        final Total oomKills = new Total();
        int distressSamples;

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
            throttledMillis.add(s.get("container_cpu_throttled_ms"));
            oomKills.add(s.get("container_oom_kills"));
            if (s.get("agent_distress") != null) {
                distressSamples++;
            }
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

    /** A sum of a figure some samples may lack: "-" when none had it, never a made-up 0. */
    static final class Total {
        private long sum;
        private boolean seen;

        void add(Object value) {
            if (value instanceof Number) {
                sum += ((Number) value).longValue();
                seen = true;
            }
        }

        Long orNull() {
            return seen ? sum : null;
        }
    }

    /** Where one agent instance ran, from the identity and context columns of its first sample. */
    static final class Where {
        String service;
        String host;
        String provider;
        String region;
        String zone;
        String platform;
        String pod;
        String namespace;
        String task;

        static Where of(Map<String, Object> s) {
            Where w = new Where();
            w.service = text(s, "service");
            w.host = text(s, "host");
            w.provider = text(s, "cloud_provider");
            w.region = text(s, "cloud_region");
            w.zone = text(s, "cloud_availability_zone");
            w.platform = text(s, "cloud_platform");
            w.pod = text(s, "k8s_pod_name");
            w.namespace = text(s, "k8s_namespace_name");
            w.task = text(s, "aws_ecs_task_family");
            return w;
        }

        String cloud() {
            if (provider == null && region == null) {
                return null;
            }
            return join(" ", platform != null ? platform : provider, zone != null ? zone : region);
        }

        String place() {
            if (pod != null) {
                return "pod " + (namespace != null ? namespace + "/" : "") + pod;
            }
            return task != null ? "ECS task " + task : null;
        }

        private static String join(String separator, String a, String b) {
            return a == null ? b : b == null ? a : a + separator + b;
        }

        private static String text(Map<String, Object> s, String key) {
            Object value = s.get(key);
            return value == null ? null : value.toString();
        }
    }
}
