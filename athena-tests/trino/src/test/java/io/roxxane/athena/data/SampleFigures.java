package io.roxxane.athena.data;

import io.roxxane.athena.data.SampleFleet.Instance;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One sample of one instance of {@link SampleFleet}, as the agent of the instance's schema version
 * writes it: the figures the queries read, set deliberately (schema 2's by {@link SchemaTwoFigures},
 * {@code app_metrics} by {@link AppMetricsFigures}), every other column of that version filled by its
 * type, and only the columns that version knows.
 */
final class SampleFigures {
    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    /** Absent from every crafted sample unless set: the transform's, or only inside a container. */
    private static final Set<Column> ABSENT = Set.of(Column.ARRIVAL_TS, Column.CONTAINER_CPU_LIMIT,
            Column.CONTAINER_MEMORY_LIMIT_BYTES);
    /** Left out unless set: absent where the JVM, the agent or the fleet context has nothing to say. */
    private static final Set<Column> OPTIONAL = Set.of(Column.JVM_GC_MAX_PAUSE_MS, Column.TAGS, Column.AGENT_LAST_ERROR,
            Column.AGENT_LAST_ERROR_TS, Column.AGENT_DISTRESS, Column.CONTAINER_PIDS_MAX, Column.JVM_VIRTUAL_THREADS_MOUNTED,
            Column.JVM_VIRTUAL_THREADS_QUEUED, Column.JVM_VIRTUAL_THREADS_CARRIERS, Column.RESOURCE_ATTRIBUTES);

    private final SampleFleet fleet;
    private final AppMetricsFigures appMetrics;

    SampleFigures(SampleFleet fleet) {
        this.fleet = fleet;
        this.appMetrics = new AppMetricsFigures(fleet);
    }

    Map<String, Object> sample(Instance instance, int seq, Random random) {
        Map<Column, Object> v = new EnumMap<>(Column.class);
        boolean checkout = instance.service().equals(SampleFleet.CHECKOUT);
        v.put(Column.TS, instance.tsOf(seq));
        v.put(Column.SERVICE, instance.service());
        v.put(Column.HOST, instance.host());
        v.put(Column.PID, instance.pid());
        v.put(Column.INSTANCE_ID, instance.id());
        v.put(Column.SEQ, (long) seq);
        v.put(Column.INTERVAL_MS, SampleFleet.INTERVAL_MS);
        v.put(Column.JVM_VERSION, checkout ? "21.0.5+11-LTS" : "17.0.13+11");
        v.put(Column.AGENT_VERSION, instance.schemaVersion() == 1 ? "0.1.0" : "0.2.0");
        v.put(Column.SCHEMA_VERSION, instance.schemaVersion());
        if (instance != fleet.blB) {
            v.put(Column.TAGS, tags(instance));
        }
        hostMetrics(v, instance, seq, random);
        jvmMetrics(v, instance, seq, random, checkout);
        agentMetrics(v, instance, seq);
        if (instance.schemaVersion() >= 2) {
            // A random source of their own: the schema-1 figures stay what they were before schema 2.
            SchemaTwoFigures.put(v, instance, seq, new Random(instance.id().hashCode() * 1_000L + seq));
        }

        Map<String, Object> sample = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            if (v.containsKey(column)) {
                sample.put(column.columnName(), v.get(column));
            } else if (column.sinceVersion() <= instance.schemaVersion() && !ABSENT.contains(column) && !OPTIONAL.contains(column)
                    && !isFleetContext(column)) {
                sample.put(column.columnName(), filler(column.type(), seq, random));
            }
        }
        if (instance.schemaVersion() >= 2) {
            // Over the fillers, once they drew their random values: every other figure stays what it was.
            appMetrics.put(sample, instance, seq);
        }
        if (instance == fleet.old || instance == fleet.edge14 || instance == fleet.edge15) {
            sample.put("future_metric", Map.of("nested", List.of(1, 2, 3)));
        }
        return sample;
    }

    /** Where the row comes from (cloud, host, ECS, Kubernetes): only what the agent detected. */
    private static boolean isFleetContext(Column column) {
        return column.ordinal() >= Column.CLOUD_PROVIDER.ordinal() && column.ordinal() <= Column.K8S_CONTAINER_NAME.ordinal();
    }

    private void jvmMetrics(Map<Column, Object> v, Instance instance, int seq, Random random, boolean checkout) {
        // The ECS task's 4 GiB heap puts pool figures beyond 2^31 too.
        long heapMax = instance == fleet.ckEcs ? 4 * GIB : checkout ? 1024 * MIB : 512 * MIB;
        v.put(Column.JVM_HEAP_MAX_BYTES, heapMax);
        v.put(Column.JVM_HEAP_USED_BYTES, heapMax / 5 + (long) (random.nextDouble() * heapMax / 2));
        v.put(Column.JVM_HEAP_COMMITTED_BYTES, heapMax * 3 / 4);
        long threads = instance == fleet.ckB ? 40 + seq / 20 : 25 + seq % 3;
        v.put(Column.JVM_THREADS_LIVE, (int) threads);
        v.put(Column.JVM_THREADS_DAEMON, (int) threads - 5);
        v.put(Column.JVM_THREADS_PEAK, (int) threads + 2);
        v.put(Column.JVM_THREADS_DEADLOCKED, 0);
        long metaspace = instance == fleet.blB ? 70 * MIB + seq * 16_384L : 90 * MIB + (seq % 5) * 1024L;
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
        if (instance != fleet.blC) {
            v.put(Column.JVM_GC_MAX_PAUSE_MS, maxPause);
        }
        v.put(Column.JVM_UPTIME_MS, 30_000 + seq * SampleFleet.INTERVAL_MS);
        // Beyond 2^31: a Glue type too narrow for a BIGINT column cannot hide.
        v.put(Column.JVM_ALLOCATED_BYTES, 3 * GIB + random.nextInt(1 << 30));
    }

    private void agentMetrics(Map<Column, Object> v, Instance instance, int seq) {
        long dropped = instance != fleet.ckA ? 0 : seq > 120 ? 4 : seq > 52 ? 3 : 0;
        v.put(Column.AGENT_DROPPED_SAMPLES, dropped);
        v.put(Column.AGENT_FAILURES, dropped == 0 ? 0L : 2L);
        v.put(Column.AGENT_RETRIES, dropped == 0 ? 1L : 9L);
        v.put(Column.AGENT_SENT_RECORDS, (long) seq / 5);
        v.put(Column.AGENT_SENT_BYTES, (long) seq * 1200);
        v.put(Column.AGENT_DISABLED_COLLECTORS, 0);
        if (instance == fleet.ckA && dropped > 0) {
            v.put(Column.AGENT_LAST_ERROR, "ThrottlingException: Rate exceeded, ünïcödé");
            v.put(Column.AGENT_LAST_ERROR_TS, instance.tsOf(50));
        }
    }

    private Map<String, String> tags(Instance instance) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (instance == fleet.ckA) {
            tags.put("Env", "test");
            tags.put("team", "shop");
        } else if (instance == fleet.ckB) {
            tags.put("env", "test");
            tags.put("Env", "TEST");
        } else if (instance != fleet.blC) {
            tags.put("env", "test");
            tags.put("team", instance.service().equals(SampleFleet.CHECKOUT) ? "shop" : "finance");
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

    /** A value of the type for a column no query reads; nested types get one entry of filled fields. */
    private static Object filler(ColumnType type, int seq, Random random) {
        return switch (type.kind()) {
            case BIGINT -> (long) (1_000 + random.nextInt(100_000)) + seq;
            case INT -> 1 + random.nextInt(100);
            case DOUBLE -> random.nextDouble();
            case BOOLEAN -> random.nextBoolean();
            case STRING -> "s-" + seq;
            case MAP -> Map.of("k", filler(type.valueType(), seq, random));
            case STRUCT -> {
                Map<String, Object> struct = new LinkedHashMap<>();
                type.fields().forEach((name, field) -> struct.put(name, filler(field, seq, random)));
                yield struct;
            }
        };
    }
}
