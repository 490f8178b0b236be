package io.roxxane.glue;

import io.roxxane.schema.Column;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The schema-2 figures of one fixture instance, from a random source of its own (so the schema-1
 * columns of every instance are what they were before schema 2). Both schema-2 instances run in
 * Kubernetes pods; the faults the schema-2 queries must find:
 * <ul>
 *   <li>{@code ck-b-0002} (checkout): CPU throttled in most intervals; one OOM kill at seq 100 and
 *       two at seq 200 (two UTC days); G1 Old Gen above 90 % of its max at times, CodeHeap
 *       'non-nmethods' always;</li>
 *   <li>{@code bl-b-0003} (billing): never throttled, no OOM kill; Compressed Class Space always
 *       above 90 % of its max.</li>
 * </ul>
 */
final class SchemaTwoFigures {
    private static final long MIB = 1024L * 1024;
    static final String CODE_HEAP = "CodeHeap 'non-nmethods'";

    private final SampleFixture.Instance instance;
    private final Random random;
    private final boolean checkout;

    SchemaTwoFigures(SampleFixture.Instance instance) {
        this.instance = instance;
        this.random = new Random(instance.pid());
        this.checkout = instance == SampleFixture.CK_B;
    }

    Random random() {
        return random;
    }

    /** Puts this instance's schema-2 columns (and the container limits) for sample {@code seq}. */
    void put(Map<Column, Object> v, int seq, long heapMax, long metaspaceUsed) {
        v.put(Column.K8S_NAMESPACE_NAME, checkout ? "shop" : "finance");
        v.put(Column.K8S_POD_NAME, checkout ? "checkout-7d9f8b6c5d-x2lqp" : "billing-5f6d7c8b9a-k4m2n");
        v.put(Column.K8S_CONTAINER_NAME, checkout ? "checkout" : "billing");
        v.put(Column.CONTAINER_NAME, checkout ? "checkout" : "billing");
        v.put(Column.K8S_NODE_NAME, instance.host());
        v.put(Column.CLOUD_PROVIDER, "aws");
        v.put(Column.CLOUD_PLATFORM, "aws_eks");

        long limit = checkout ? 2048 * MIB : 1024 * MIB;
        v.put(Column.CONTAINER_CPU_LIMIT, checkout ? 2.0 : 1.0);
        v.put(Column.CONTAINER_MEMORY_LIMIT_BYTES, limit);
        v.put(Column.CONTAINER_MEMORY_WORKING_SET_BYTES, limit / 2 + (long) (random.nextDouble() * limit * 0.4));
        long throttledPeriods = checkout && random.nextInt(5) != 0 ? 1 + random.nextInt(60) : 0;
        v.put(Column.CONTAINER_CPU_PERIODS, 600L);
        v.put(Column.CONTAINER_CPU_THROTTLED_PERIODS, throttledPeriods);
        v.put(Column.CONTAINER_CPU_THROTTLED_MS, throttledPeriods * (5 + random.nextInt(20)));
        v.put(Column.CONTAINER_CPU_USAGE_MS, 20_000L + random.nextInt(40_000));
        v.put(Column.CONTAINER_OOM_KILLS, !checkout ? 0L : seq == 100 ? 1L : seq == 200 ? 2L : 0L);

        Map<String, Object> pools = new LinkedHashMap<>();
        pools.put("G1 Eden Space", pool(true, 30 * MIB + random.nextInt(200) * MIB, null, 0L));
        double oldShare = checkout ? 0.5 + 0.46 * random.nextDouble() : 0.2 + 0.4 * random.nextDouble();
        pools.put("G1 Old Gen", pool(true, (long) (heapMax * oldShare), heapMax, (long) (heapMax * (oldShare - 0.1))));
        pools.put("G1 Survivor Space", pool(true, 4 * MIB, null, 4 * MIB));
        pools.put("Metaspace", pool(false, metaspaceUsed, null, null));
        if (checkout) {
            pools.put(CODE_HEAP, pool(false, 5_300_000L + random.nextInt(540_000), 5_840_896L, null));
            pools.put("Compressed Class Space", pool(false, 12 * MIB, 1024 * MIB, null));
        } else {
            pools.put("Compressed Class Space", pool(false, 14_500_000L + random.nextInt(2_000_000), 16 * MIB, null));
            pools.put("CodeHeap 'profiled nmethods'", pool(false, 20 * MIB, 117 * MIB, null));
        }
        v.put(Column.JVM_MEMORY_POOLS, pools);
        v.put(Column.JVM_GC_PAUSES, Map.of(
                "G1 Young Generation", activity((Long) v.get(Column.JVM_GC_YOUNG_COUNT), (Long) v.get(Column.JVM_GC_YOUNG_TIME_MS)),
                "G1 Old Generation", activity((Long) v.get(Column.JVM_GC_OLD_COUNT), (Long) v.get(Column.JVM_GC_OLD_TIME_MS))));
        v.put(Column.JVM_GC_CONCURRENT, Map.of("G1 Concurrent GC", activity((long) random.nextInt(2), (long) random.nextInt(30))));
    }

    /** A pool as the agent writes it: absent fields left out. */
    private static Map<String, Object> pool(boolean heap, long used, Long max, Long usedAfterGc) {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("heap", heap);
        pool.put("used_bytes", used);
        pool.put("committed_bytes", used + MIB);
        if (max != null) {
            pool.put("max_bytes", max);
        }
        if (usedAfterGc != null) {
            pool.put("used_after_gc_bytes", usedAfterGc);
        }
        return pool;
    }

    private static Map<String, Object> activity(long count, long timeMs) {
        return Map.of("count", count, "time_ms", timeMs);
    }
}
