package io.roxxane.athena.data;

import io.roxxane.athena.data.Deployment.Gc;
import io.roxxane.schema.Column;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The schema-2 figures of one sample of a schema-2 agent, as the agent writes them: where the row
 * comes from (Kubernetes, ECS, or a plain Docker host), the container's cgroup figures, every memory
 * pool and collector by the JVM's own names ({@code G1 Eden Space}, {@code CodeHeap 'non-nmethods'},
 * {@code G1 Concurrent GC}, {@code PS MarkSweep}), network interfaces, disks and mounts
 * ({@code /var/lib/my data}). Absent struct fields are left out, one is an explicit JSON null, and a
 * collector without concurrent cycles writes an empty map.
 */
final class SchemaTwoFigures {
    static final long MIB = 1024L * 1024;
    static final long CODE_HEAP_MAX = 5_840_896L;
    static final String CODE_HEAP = "CodeHeap 'non-nmethods'";

    private SchemaTwoFigures() {
    }

    /** Puts the schema-2 columns of sample {@code seq}; {@code v} holds its schema-1 figures already. */
    static void put(Map<Column, Object> v, SampleFleet.Instance instance, int seq, Random random) {
        Deployment d = instance.deployment();
        context(v, d, instance);
        container(v, d, seq, random);
        long heapMax = (Long) v.get(Column.JVM_HEAP_MAX_BYTES);
        v.put(Column.JVM_MEMORY_POOLS, pools(d, heapMax, (Long) v.get(Column.JVM_HEAP_USED_BYTES),
                (Long) v.get(Column.JVM_METASPACE_USED_BYTES), random));
        v.put(Column.JVM_GC_PAUSES, pauses(d.gc(), v));
        Map<String, Object> concurrent = new LinkedHashMap<>();
        if (d.gc().concurrent != null) {
            concurrent.put(d.gc().concurrent, activity(random.nextInt(2), random.nextInt(30)));
        }
        v.put(Column.JVM_GC_CONCURRENT, concurrent);
        v.put(Column.HOST_NETWORK_INTERFACES, interfaces(d, random));
        v.put(Column.HOST_DISKS, disks(d, random));
        v.put(Column.HOST_FILE_SYSTEMS, fileSystems(d, seq));
        if (d.oomKills().containsKey(seq) || d.oomKills().containsKey(seq + 1)) {
            v.put(Column.AGENT_DISTRESS, "container memory");
        }
    }

    private static void context(Map<Column, Object> v, Deployment d, SampleFleet.Instance instance) {
        if (d.platform() == null) {
            v.put(Column.RESOURCE_ATTRIBUTES, Map.of());   // no OTEL_RESOURCE_ATTRIBUTES: an empty map
            return;
        }
        v.put(Column.CLOUD_PROVIDER, "aws");
        v.put(Column.CLOUD_PLATFORM, d.platform());
        v.put(Column.CLOUD_REGION, "eu-west-1");
        v.put(Column.CLOUD_AVAILABILITY_ZONE, "eu-west-1a");
        v.put(Column.CLOUD_ACCOUNT_ID, "123456789012");
        v.put(Column.CONTAINER_NAME, d.containerName());
        v.put(Column.RESOURCE_ATTRIBUTES, Map.of("deployment.environment", "test", "service.version", "2.4.1"));
        if (d.pod() != null) {
            v.put(Column.HOST_ID, "i-0" + Integer.toHexString(instance.host().hashCode() & 0x7fffffff));
            v.put(Column.HOST_TYPE, "m6i.large");
            v.put(Column.K8S_NAMESPACE_NAME, d.namespace());
            v.put(Column.K8S_POD_NAME, d.pod());
            v.put(Column.K8S_NODE_NAME, instance.host());
            v.put(Column.K8S_CONTAINER_NAME, d.containerName());
        } else {
            String cluster = "arn:aws:ecs:eu-west-1:123456789012:cluster/shop";
            v.put(Column.AWS_ECS_CLUSTER_ARN, cluster);
            v.put(Column.AWS_ECS_TASK_ARN, "arn:aws:ecs:eu-west-1:123456789012:task/shop/" + instance.id());
            v.put(Column.AWS_ECS_TASK_FAMILY, d.containerName());
            v.put(Column.AWS_ECS_TASK_REVISION, "42");
            v.put(Column.AWS_ECS_LAUNCHTYPE, "fargate");
        }
    }

    private static void container(Map<Column, Object> v, Deployment d, int seq, Random random) {
        long limit = d.memoryLimitBytes();
        long workingSet = limit / 2 + (long) (random.nextDouble() * limit * 0.4);
        long throttledPeriods = random.nextDouble() < d.throttledShare() ? 1 + random.nextInt(60) : 0;
        v.put(Column.CONTAINER_CPU_LIMIT, d.cpuLimit());
        v.put(Column.CONTAINER_MEMORY_LIMIT_BYTES, limit);
        v.put(Column.CONTAINER_CPU_USAGE_MS, 20_000L + random.nextInt(40_000));
        v.put(Column.CONTAINER_CPU_PERIODS, 600L);
        v.put(Column.CONTAINER_CPU_THROTTLED_PERIODS, throttledPeriods);
        v.put(Column.CONTAINER_CPU_THROTTLED_MS, throttledPeriods * (5 + random.nextInt(20)));
        v.put(Column.CONTAINER_MEMORY_USAGE_BYTES, workingSet + 64 * MIB);
        v.put(Column.CONTAINER_MEMORY_WORKING_SET_BYTES, workingSet);
        v.put(Column.CONTAINER_MEMORY_PEAK_BYTES, limit * 19 / 20);
        v.put(Column.CONTAINER_OOM_KILLS, d.oomKills().getOrDefault(seq, 0L));
        v.put(Column.CONTAINER_PIDS_CURRENT, 40L + random.nextInt(20));
        if (d.platform() != null) {
            v.put(Column.CONTAINER_PIDS_MAX, 4_096L);   // a plain Docker container: unlimited, absent
        }
    }

    private static Map<String, Object> pools(Deployment d, long heapMax, long heapUsed, long metaspace, Random random) {
        Map<String, Object> pools = new LinkedHashMap<>();
        switch (d.gc()) {
            case G1 -> {
                double oldShare = "G1 Old Gen".equals(d.nearMaxPool()) ? 0.5 + 0.46 * random.nextDouble() : 0.2 + 0.4 * random.nextDouble();
                pools.put("G1 Eden Space", pool(true, heapUsed / 3, null, 0L));
                pools.put("G1 Old Gen", pool(true, (long) (heapMax * oldShare), heapMax, (long) (heapMax * (oldShare - 0.1))));
                pools.put("G1 Survivor Space", pool(true, 4 * MIB, null, 4 * MIB));
            }
            case ZGC -> pools.put("ZHeap", pool(true, heapUsed, heapMax, heapUsed * 3 / 4));
            case PARALLEL -> {
                long oldMax = heapMax * 2 / 3;
                double oldShare = 0.6 + 0.35 * random.nextDouble();
                pools.put("PS Eden Space", pool(true, heapUsed / 3, heapMax / 3, 0L));
                pools.put("PS Old Gen", pool(true, (long) (oldMax * oldShare), oldMax, (long) (oldMax * (oldShare - 0.2))));
                pools.put("PS Survivor Space", pool(true, 2 * MIB, 8 * MIB, 2 * MIB));
            }
        }
        pools.put("Metaspace", pool(false, metaspace, null, null));
        boolean codeHeapFull = CODE_HEAP.equals(d.nearMaxPool());
        pools.put(CODE_HEAP, pool(false, codeHeapFull ? 5_300_000L + random.nextInt(540_000) : 1_500_000L, CODE_HEAP_MAX, null));
        boolean classSpaceFull = "Compressed Class Space".equals(d.nearMaxPool());
        pools.put("Compressed Class Space", classSpaceFull ? pool(false, 15_200_000L + random.nextInt(1_500_000), 16 * MIB, null)
                : pool(false, 12 * MIB, 1024 * MIB, null));
        Map<String, Object> profiled = pool(false, 20 * MIB, null, null);
        profiled.put("max_bytes", null);   // written as JSON null: a field may be null as well as absent
        pools.put("CodeHeap 'profiled nmethods'", profiled);
        return pools;
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

    private static Map<String, Object> pauses(Gc gc, Map<Column, Object> v) {
        long youngCount = (Long) v.get(Column.JVM_GC_YOUNG_COUNT);
        long youngTime = (Long) v.get(Column.JVM_GC_YOUNG_TIME_MS);
        long oldCount = (Long) v.get(Column.JVM_GC_OLD_COUNT);
        long oldTime = (Long) v.get(Column.JVM_GC_OLD_TIME_MS);
        Map<String, Object> pauses = new LinkedHashMap<>();
        if (gc.youngPauses.equals(gc.oldPauses)) {
            pauses.put(gc.youngPauses, activity(youngCount + oldCount, youngTime + oldTime));
        } else {
            pauses.put(gc.youngPauses, activity(youngCount, youngTime));
            pauses.put(gc.oldPauses, activity(oldCount, oldTime));
        }
        return pauses;
    }

    private static Map<String, Object> activity(long count, long timeMs) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("count", count);
        activity.put("time_ms", timeMs);
        return activity;
    }

    private static Map<String, Object> interfaces(Deployment d, Random random) {
        Map<String, Object> interfaces = new LinkedHashMap<>();
        interfaces.put("eth0", counters(random, 10_000_000));
        if (d.platform() == null) {
            interfaces.put("docker0", counters(random, 100_000));
        }
        return interfaces;
    }

    private static Map<String, Object> counters(Random random, int scale) {
        Map<String, Object> counters = new LinkedHashMap<>();
        long rx = random.nextInt(scale);
        long tx = random.nextInt(scale);
        counters.put("rx_bytes", rx);
        counters.put("tx_bytes", tx);
        counters.put("rx_packets", rx / 1_200);
        counters.put("tx_packets", tx / 1_200);
        counters.put("rx_errors", 0L);
        counters.put("tx_errors", 0L);
        counters.put("rx_dropped", (long) random.nextInt(3));
        counters.put("tx_dropped", 0L);
        return counters;
    }

    private static Map<String, Object> disks(Deployment d, Random random) {
        Map<String, Object> disks = new LinkedHashMap<>();
        if (!"aws_ecs".equals(d.platform())) {   // Fargate shows the task no block device
            Map<String, Object> disk = new LinkedHashMap<>();
            disk.put("read_bytes", (long) random.nextInt(4_000_000));
            disk.put("write_bytes", (long) random.nextInt(16_000_000));
            disk.put("reads", (long) random.nextInt(200));
            disk.put("writes", (long) random.nextInt(1_000));
            disk.put("io_time_ms", (long) random.nextInt(80));
            disks.put("nvme0n1", disk);
        }
        return disks;
    }

    private static Map<String, Object> fileSystems(Deployment d, int seq) {
        Map<String, Object> mounts = new LinkedHashMap<>();
        if (d.platform() == null) {
            Map<String, Object> overlay = new LinkedHashMap<>();
            overlay.put("device", "overlay");
            overlay.put("type", "overlay");
            overlay.put("total_bytes", 64L * 1024 * MIB);
            overlay.put("free_bytes", 40L * 1024 * MIB - seq * MIB);
            overlay.put("available_bytes", 37L * 1024 * MIB - seq * MIB);
            mounts.put("/", overlay);
            return mounts;
        }
        mounts.put("/", mount("/dev/nvme0n1p1", "xfs", 100L * 1024, seq));
        mounts.put("/var/lib/my data", mount("/dev/nvme1n1", "ext4", 50L * 1024, seq));
        return mounts;
    }

    private static Map<String, Object> mount(String device, String type, long totalMib, int seq) {
        Map<String, Object> mount = new LinkedHashMap<>();
        mount.put("device", device);
        mount.put("type", type);
        mount.put("total_bytes", totalMib * MIB);
        mount.put("free_bytes", totalMib * MIB * 3 / 5 - seq * MIB);
        mount.put("available_bytes", totalMib * MIB * 11 / 20 - seq * MIB);
        return mount;
    }
}
