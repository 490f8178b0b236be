package io.roxxane.glue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.PartitionRule;
import io.roxxane.schema.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Realistic samples of four agent instances (two services, three hosts, four hours across a UTC
 * midnight) with deliberate faults, written the way the local file sink writes them. The faults:
 * <ul>
 *   <li>{@code ck-a-0001}: seq 50-52 and 120 missing, and the agent says it dropped them
 *       ({@code agent_dropped_samples} 3 from seq 53, 4 from seq 121);</li>
 *   <li>{@code ck-b-0002}: live threads grow every hour;</li>
 *   <li>{@code bl-b-0003}: metaspace grows every hour; seq 150 lost without a drop (in transit);</li>
 *   <li>{@code bl-c-0004}: seq 10 and 11 stored twice, seq 200 three times; its JVM reports no
 *       GC pause (the key is absent).</li>
 * </ul>
 * A fleet mid-upgrade: {@code ck-a-0001} and {@code bl-c-0004} run a schema-1 agent (none of the
 * schema-2 columns, {@code schema_version} 1), {@code ck-b-0002} and {@code bl-b-0003} a schema-2
 * one, in Kubernetes pods ({@link SchemaTwoFigures}: throttling, OOM kills, pools near their max;
 * {@link AppMetricsFigures}: Tomcat, HikariCP and Kafka series), so every partition holds rows of
 * both versions.
 * {@link #stored()} is exactly what was written, so tests compute what each query must return.
 */
final class SampleFixture {
    static final String CHECKOUT = "Checkout Service";
    static final String BILLING = "billing";
    static final long START_MS = Instant.parse("2026-03-10T22:00:00Z").toEpochMilli();
    static final long INTERVAL_MS = 60_000;
    static final int SAMPLES_PER_INSTANCE = 240;

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    /** Absent from every sample: set only by the transform, or only inside a container. */
    private static final Set<Column> ABSENT = Set.of(Column.ARRIVAL_TS, Column.CONTAINER_CPU_LIMIT,
            Column.CONTAINER_MEMORY_LIMIT_BYTES);
    /** Written only where the figures set them (a JVM without pause figures, before the MBeans are there). */
    private static final Set<Column> ONLY_WHEN_SET = Set.of(Column.JVM_GC_MAX_PAUSE_MS, Column.APP_METRICS,
            Column.AGENT_JMX_SKIPPED);

    record Instance(String service, String host, String id, long pid, long offsetMs) {
    }

    static final Instance CK_A = new Instance(CHECKOUT, "host-a", "ck-a-0001", 4101, 1_000);
    static final Instance CK_B = new Instance(CHECKOUT, "host-b", "ck-b-0002", 4102, 2_000);
    static final Instance BL_B = new Instance(BILLING, "host-b", "bl-b-0003", 5103, 3_000);
    static final Instance BL_C = new Instance(BILLING, "host-c", "bl-c-0004", 5104, 4_000);
    static final List<Instance> INSTANCES = List.of(CK_A, CK_B, BL_B, BL_C);
    /** The instances whose agent writes schema 2; the others write schema 1. */
    static final Set<Instance> SCHEMA_2 = Set.of(CK_B, BL_B);

    private final List<Map<String, Object>> stored = new ArrayList<>();

    SampleFixture() {
        Random random = new Random(20260310);
        for (Instance instance : INSTANCES) {
            SchemaTwoFigures figures = SCHEMA_2.contains(instance) ? new SchemaTwoFigures(instance) : null;
            AppMetricsFigures app = SCHEMA_2.contains(instance) ? new AppMetricsFigures(instance) : null;
            for (int seq = 0; seq < SAMPLES_PER_INSTANCE; seq++) {
                Map<String, Object> sample = sample(instance, seq, random, figures, app);
                if (lost(instance, seq)) {
                    continue;
                }
                for (int copy = 0; copy < copies(instance, seq); copy++) {
                    stored.add(sample);
                }
            }
        }
    }

    /** Every row written, duplicates included, in writing order. */
    List<Map<String, Object>> stored() {
        return stored;
    }

    /** Writes the samples below {@code root} as the local file sink does; two files per partition. */
    void writeTo(Path root) {
        Map<String, List<Map<String, Object>>> byPartition = new TreeMap<>();
        for (Map<String, Object> sample : stored) {
            String path = PartitionRule.pathFor((String) sample.get("service"), (Long) sample.get("ts"));
            byPartition.computeIfAbsent(path, p -> new ArrayList<>()).add(sample);
        }
        ObjectMapper json = new ObjectMapper();
        try {
            for (Map.Entry<String, List<Map<String, Object>>> partition : byPartition.entrySet()) {
                Path dir = root.resolve(partition.getKey());
                Files.createDirectories(dir);
                List<Map<String, Object>> rows = partition.getValue();
                int half = rows.size() / 2;
                writeFile(json, dir.resolve("part-00000.json.gz"), rows.subList(0, half));
                writeFile(json, dir.resolve("part-00001.json.gz"), rows.subList(half, rows.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long tsOf(Instance instance, long seq) {
        return START_MS + seq * INTERVAL_MS + instance.offsetMs();
    }

    private static void writeFile(ObjectMapper json, Path file, List<Map<String, Object>> rows) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (Map<String, Object> row : rows) {
                out.write(json.writeValueAsBytes(row));
                out.write('\n');
            }
        }
    }

    private static boolean lost(Instance instance, int seq) {
        return instance == CK_A && (seq >= 50 && seq <= 52 || seq == 120) || instance == BL_B && seq == 150;
    }

    private static int copies(Instance instance, int seq) {
        if (instance == BL_C && (seq == 10 || seq == 11)) {
            return 2;
        }
        return instance == BL_C && seq == 200 ? 3 : 1;
    }

    private static Map<String, Object> sample(Instance instance, int seq, Random random, SchemaTwoFigures figures,
            AppMetricsFigures app) {
        Map<Column, Object> v = new EnumMap<>(Column.class);
        long ts = tsOf(instance, seq);
        boolean checkout = instance.service().equals(CHECKOUT);
        v.put(Column.TS, ts);
        v.put(Column.SERVICE, instance.service());
        v.put(Column.HOST, instance.host());
        v.put(Column.PID, instance.pid());
        v.put(Column.INSTANCE_ID, instance.id());
        v.put(Column.SEQ, (long) seq);
        v.put(Column.INTERVAL_MS, INTERVAL_MS);
        v.put(Column.JVM_VERSION, checkout ? "21.0.5+11-LTS" : "17.0.13+11");
        v.put(Column.AGENT_VERSION, "0.1.0");
        int version = figures == null ? 1 : Schema.VERSION;
        v.put(Column.SCHEMA_VERSION, version);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", "test");
        tags.put("team", checkout ? "shop" : "finance");
        v.put(Column.TAGS, tags);

        hostMetrics(v, instance, seq, random);

        long heapMax = checkout ? 1024 * MIB : 512 * MIB;
        v.put(Column.JVM_HEAP_MAX_BYTES, heapMax);
        v.put(Column.JVM_HEAP_USED_BYTES, heapMax / 5 + (long) (random.nextDouble() * heapMax / 2));
        v.put(Column.JVM_HEAP_COMMITTED_BYTES, heapMax * 3 / 4);
        long threads = instance == CK_B ? 40 + seq / 20 : 25 + seq % 3;
        v.put(Column.JVM_THREADS_LIVE, (int) threads);
        v.put(Column.JVM_THREADS_DAEMON, (int) threads - 5);
        v.put(Column.JVM_THREADS_PEAK, (int) threads + 2);
        v.put(Column.JVM_THREADS_DEADLOCKED, 0);
        long metaspace = instance == BL_B ? 70 * MIB + seq * 16_384L : 90 * MIB + (seq % 5) * 1024L;
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
        if (instance != BL_C) {
            v.put(Column.JVM_GC_MAX_PAUSE_MS, maxPause);
        }
        v.put(Column.JVM_UPTIME_MS, 30_000 + seq * INTERVAL_MS);

        long dropped = instance != CK_A ? 0 : seq > 120 ? 4 : seq > 52 ? 3 : 0;
        v.put(Column.AGENT_DROPPED_SAMPLES, dropped);
        v.put(Column.AGENT_FAILURES, dropped == 0 ? 0L : 2L);
        v.put(Column.AGENT_RETRIES, dropped == 0 ? 1L : 9L);
        v.put(Column.AGENT_SENT_RECORDS, (long) seq / 5);
        v.put(Column.AGENT_SENT_BYTES, (long) seq * 1200);
        v.put(Column.AGENT_DISABLED_COLLECTORS, 0);

        if (figures != null) {
            figures.put(v, seq, heapMax, metaspace);
            app.put(v, seq);
        }

        Map<String, Object> sample = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            if (column.sinceVersion() > version) {
                continue;
            }
            if (v.containsKey(column)) {
                sample.put(column.columnName(), v.get(column));
            } else if (!ABSENT.contains(column) && !ONLY_WHEN_SET.contains(column)) {
                sample.put(column.columnName(), filler(column, seq, column.sinceVersion() == 1 ? random : figures.random()));
            }
        }
        return sample;
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
            default -> {
                cpu = 0.1 + 0.05 * random.nextDouble();
                cpus = 2;
                memory = 8 * GIB;
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

    static Object filler(Column column, int seq, Random random) {
        return filler(column.type(), column.columnName(), seq, random);
    }

    private static Object filler(ColumnType type, String name, int seq, Random random) {
        return switch (type.kind()) {
            case BIGINT -> (long) (1_000 + random.nextInt(100_000)) + seq;
            case INT -> 1 + random.nextInt(100);
            case DOUBLE -> random.nextDouble();
            case BOOLEAN -> random.nextBoolean();
            case STRING -> name + "-" + seq;
            case MAP -> Map.of("k", filler(type.valueType(), name, seq, random));
            case STRUCT -> {
                Map<String, Object> struct = new java.util.LinkedHashMap<>();
                type.fields().forEach((field, fieldType) -> struct.put(field, filler(fieldType, field, seq, random)));
                yield struct;
            }
        };
    }
}
