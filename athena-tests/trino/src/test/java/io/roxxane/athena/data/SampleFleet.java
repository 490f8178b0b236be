package io.roxxane.athena.data;

import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.Schema;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Crafted agent traffic around a UTC day, with deliberate faults, so that every query has rows to
 * find:
 * <ul>
 *   <li>four instances of two services on three hosts, one sample a minute for four hours across
 *       the midnight that starts {@code day} (so two days and five hours of partitions);</li>
 *   <li>{@code ck-a}: seq 50-52 and 120 lost, and the agent says it dropped them; tag keys
 *       {@code Env} and {@code team} (a map key's case must survive);</li>
 *   <li>{@code ck-b}: live threads grow every hour; tags {@code env} and {@code Env} (distinct keys
 *       that differ only in case);</li>
 *   <li>{@code bl-b}: metaspace grows every hour; seq 150 lost in transit (no drop counted); no tags key;</li>
 *   <li>{@code bl-c}: seq 10 and 11 re-sent once, seq 200 twice (a retried batch); its JVM has no
 *       GC pause figure (key absent); empty tags;</li>
 *   <li>an old instance 20 days back and two at 14 and 15 days back (around QuickSight's window),
 *       with a key no column has;</li>
 *   <li>one sample whose every key is null, {@code ts} and {@code service} included.</li>
 * </ul>
 * Samples are sent three to a record (the agent packs them), two seconds after the last one's
 * {@code ts}; a re-sent sample travels alone a minute later.
 */
public final class SampleFleet {
    public static final String CHECKOUT = "Checkout Service";
    public static final String BILLING = "billing";
    public static final long INTERVAL_MS = 60_000;
    public static final int SAMPLES = 240;
    private static final int PER_RECORD = 3;
    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    /** Absent from every crafted sample: set only by the transform, or only inside a container. */
    private static final Set<Column> ABSENT = Set.of(Column.ARRIVAL_TS, Column.CONTAINER_CPU_LIMIT,
            Column.CONTAINER_MEMORY_LIMIT_BYTES);

    /** One agent start. */
    public record Instance(String service, String host, String id, long pid, long startMillis, int samples) {
        public long tsOf(long seq) {
            return startMillis + seq * INTERVAL_MS;
        }
    }

    private final LocalDate day;
    public final Instance ckA;
    public final Instance ckB;
    public final Instance blB;
    public final Instance blC;
    public final Instance old;
    public final Instance edge14;
    public final Instance edge15;
    private final long nullSampleArrival;

    /** @param day the UTC day whose midnight the four main instances run across (e.g. yesterday) */
    public SampleFleet(LocalDate day) {
        this.day = day;
        long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 2 * 3_600_000L;
        ckA = new Instance(CHECKOUT, "host-a", "ck-a-0001", 4101, start + 1_000, SAMPLES);
        ckB = new Instance(CHECKOUT, "host-b", "ck-b-0002", 4102, start + 2_000, SAMPLES);
        blB = new Instance(BILLING, "host-b", "bl-b-0003", 5103, start + 3_000, SAMPLES);
        blC = new Instance(BILLING, "host-c", "bl-c-0004", 5104, start + 4_000, SAMPLES);
        old = new Instance("Legacy Batch", "host-d", "old-0005", 6105, noonOf(day.minusDays(19)), 20);
        edge14 = new Instance("edge", "host-e", "edge14-0006", 7106, noonOf(day.minusDays(13)), 10);
        edge15 = new Instance("edge", "host-e", "edge15-0007", 7107, noonOf(day.minusDays(14)), 10);
        nullSampleArrival = noonOf(day) + 30_000;
    }

    public LocalDate day() {
        return day;
    }

    public List<Instance> instances() {
        return List.of(ckA, ckB, blB, blC, old, edge14, edge15);
    }

    public List<Send> sends() {
        Random random = new Random(20261205);
        List<Send> sends = new ArrayList<>();
        for (Instance instance : instances()) {
            List<Map<String, Object>> pending = new ArrayList<>();
            for (int seq = 0; seq < instance.samples(); seq++) {
                Map<String, Object> sample = sample(instance, seq, random);
                if (lost(instance, seq)) {
                    continue;
                }
                pending.add(sample);
                for (int copy = 1; copy < copies(instance, seq); copy++) {
                    sends.add(new Send(List.of(sample), instance.tsOf(seq) + copy * 60_000L));
                }
                if (pending.size() == PER_RECORD) {
                    sends.add(send(pending));
                    pending = new ArrayList<>();
                }
            }
            if (!pending.isEmpty()) {
                sends.add(send(pending));
            }
        }
        Map<String, Object> nothing = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            if (column != Column.ARRIVAL_TS) {
                nothing.put(column.columnName(), null);
            }
        }
        sends.add(new Send(List.of(nothing), nullSampleArrival));
        return sends;
    }

    private static Send send(List<Map<String, Object>> samples) {
        long lastTs = ((Number) samples.get(samples.size() - 1).get("ts")).longValue();
        return new Send(List.copyOf(samples), lastTs + 2_000);
    }

    private static long noonOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 12 * 3_600_000L;
    }

    private boolean lost(Instance instance, int seq) {
        return instance == ckA && (seq >= 50 && seq <= 52 || seq == 120) || instance == blB && seq == 150;
    }

    private int copies(Instance instance, int seq) {
        if (instance == blC && (seq == 10 || seq == 11)) {
            return 2;
        }
        return instance == blC && seq == 200 ? 3 : 1;
    }

    private Map<String, Object> sample(Instance instance, int seq, Random random) {
        Map<Column, Object> v = new EnumMap<>(Column.class);
        boolean checkout = instance.service().equals(CHECKOUT);
        v.put(Column.TS, instance.tsOf(seq));
        v.put(Column.SERVICE, instance.service());
        v.put(Column.HOST, instance.host());
        v.put(Column.PID, instance.pid());
        v.put(Column.INSTANCE_ID, instance.id());
        v.put(Column.SEQ, (long) seq);
        v.put(Column.INTERVAL_MS, INTERVAL_MS);
        v.put(Column.JVM_VERSION, checkout ? "21.0.5+11-LTS" : "17.0.13+11");
        v.put(Column.AGENT_VERSION, "0.1.0");
        v.put(Column.SCHEMA_VERSION, Schema.VERSION);
        if (instance != blB) {
            v.put(Column.TAGS, tags(instance));
        }

        hostMetrics(v, instance, seq, random);

        long heapMax = checkout ? 1024 * MIB : 512 * MIB;
        v.put(Column.JVM_HEAP_MAX_BYTES, heapMax);
        v.put(Column.JVM_HEAP_USED_BYTES, heapMax / 5 + (long) (random.nextDouble() * heapMax / 2));
        v.put(Column.JVM_HEAP_COMMITTED_BYTES, heapMax * 3 / 4);
        long threads = instance == ckB ? 40 + seq / 20 : 25 + seq % 3;
        v.put(Column.JVM_THREADS_LIVE, (int) threads);
        v.put(Column.JVM_THREADS_DAEMON, (int) threads - 5);
        v.put(Column.JVM_THREADS_PEAK, (int) threads + 2);
        v.put(Column.JVM_THREADS_DEADLOCKED, 0);
        long metaspace = instance == blB ? 70 * MIB + seq * 16_384L : 90 * MIB + (seq % 5) * 1024L;
        v.put(Column.JVM_METASPACE_USED_BYTES, metaspace);
        v.put(Column.JVM_METASPACE_COMMITTED_BYTES, metaspace + 4 * MIB);

        long youngCount = random.nextInt(4);
        long youngTime = 0;
        long maxPause = 0;
        for (int i = 0; i < youngCount; i++) {
            long pause = 2 + random.nextInt(120);
            youngTime += pause;
            maxPause = Math.max(maxPause, pause);
        }
        long oldCount = seq % 45 == 44 ? 1 : 0;
        long oldTime = oldCount == 1 ? 150 + random.nextInt(250) : 0;
        maxPause = Math.max(maxPause, oldTime);
        v.put(Column.JVM_GC_YOUNG_COUNT, youngCount);
        v.put(Column.JVM_GC_YOUNG_TIME_MS, youngTime);
        v.put(Column.JVM_GC_OLD_COUNT, oldCount);
        v.put(Column.JVM_GC_OLD_TIME_MS, oldTime);
        if (instance != blC) {
            v.put(Column.JVM_GC_MAX_PAUSE_MS, maxPause);
        }
        v.put(Column.JVM_UPTIME_MS, 30_000 + seq * INTERVAL_MS);
        // Beyond 2^31: a Glue type too narrow for a BIGINT column cannot hide.
        v.put(Column.JVM_ALLOCATED_BYTES, 3 * GIB + random.nextInt(1 << 30));

        long dropped = instance != ckA ? 0 : seq > 120 ? 4 : seq > 52 ? 3 : 0;
        v.put(Column.AGENT_DROPPED_SAMPLES, dropped);
        v.put(Column.AGENT_FAILURES, dropped == 0 ? 0L : 2L);
        v.put(Column.AGENT_RETRIES, dropped == 0 ? 1L : 9L);
        v.put(Column.AGENT_SENT_RECORDS, (long) seq / 5);
        v.put(Column.AGENT_SENT_BYTES, (long) seq * 1200);
        v.put(Column.AGENT_DISABLED_COLLECTORS, 0);
        if (instance == ckA && dropped > 0) {
            v.put(Column.AGENT_LAST_ERROR, "ThrottlingException: Rate exceeded, ünïcödé");
            v.put(Column.AGENT_LAST_ERROR_TS, instance.tsOf(50));
        }

        Map<String, Object> sample = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            if (v.containsKey(column)) {
                sample.put(column.columnName(), v.get(column));
            } else if (!ABSENT.contains(column) && !optional(column)) {
                sample.put(column.columnName(), filler(column.type(), seq, random));
            }
        }
        if (instance == old || instance == edge14 || instance == edge15) {
            sample.put("future_metric", Map.of("nested", List.of(1, 2, 3)));
        }
        return sample;
    }

    /** Keys this fleet leaves out unless a case above sets them. */
    private static boolean optional(Column column) {
        return column == Column.JVM_GC_MAX_PAUSE_MS || column == Column.TAGS || column == Column.AGENT_LAST_ERROR
                || column == Column.AGENT_LAST_ERROR_TS;
    }

    private Map<String, String> tags(Instance instance) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (instance == ckA) {
            tags.put("Env", "test");
            tags.put("team", "shop");
        } else if (instance == ckB) {
            tags.put("env", "test");
            tags.put("Env", "TEST");
        } else if (instance != blC) {
            tags.put("env", "test");
            tags.put("team", instance.service().equals(CHECKOUT) ? "shop" : "finance");
        }
        return tags;
    }

    private static void hostMetrics(Map<Column, Object> v, Instance instance, int seq, Random random) {
        double cpu;
        int cpus;
        long memory;
        switch (instance.host()) {
            case "host-a" -> {
                cpu = 0.25 + 0.1 * random.nextDouble();
                cpus = 4;
                memory = 16 * GIB;
            }
            case "host-b" -> {
                cpu = seq == 100 ? 0.97 : 0.6 + 0.3 * random.nextDouble();
                cpus = 8;
                memory = 32 * GIB;
            }
            case "host-c" -> {
                cpu = 0.1 + 0.05 * random.nextDouble();
                cpus = 2;
                memory = 8 * GIB;
            }
            case "host-d" -> {
                cpu = 0.4 + 0.05 * random.nextDouble();
                cpus = 4;
                memory = 4 * GIB;
            }
            default -> {
                cpu = 0.75 + 0.05 * random.nextDouble();
                cpus = 16;
                memory = 64 * GIB;
            }
        }
        v.put(Column.HOST_CPU_UTILIZATION, cpu);
        v.put(Column.HOST_LOAD_1M, cpu * cpus);
        v.put(Column.HOST_CPU_COUNT, cpus);
        v.put(Column.HOST_MEMORY_TOTAL_BYTES, memory);
        v.put(Column.HOST_MEMORY_AVAILABLE_BYTES, (long) (memory * (0.3 + 0.3 * random.nextDouble())));
        v.put(Column.HOST_SWAP_USED_BYTES, (long) random.nextInt(64) * MIB);
        v.put(Column.PROCESS_CPU_UTILIZATION, cpu / 3);
    }

    private static Object filler(ColumnType type, int seq, Random random) {
        return switch (type) {
            case BIGINT -> (long) (1_000 + random.nextInt(100_000)) + seq;
            case INT -> 1 + random.nextInt(100);
            case DOUBLE -> random.nextDouble();
            case STRING -> "s-" + seq;
            case STRING_MAP -> Map.of("k", "v");
        };
    }
}
