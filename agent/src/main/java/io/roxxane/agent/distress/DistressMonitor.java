package io.roxxane.agent.distress;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the JVM or its container is heading for trouble, judged on each sample just collected:
 * heap in use after the last collection near the heap's maximum (85%) or climbing to it within
 * five intervals, 30% of the interval spent in GC pauses, container memory (working set),
 * file descriptors or processes/threads near their limits (90%, or within five intervals at the
 * last rate), or a low-memory notification from the JVM. The answer goes
 * in {@code agent_distress} and makes the sample urgent: sent at once instead of at the next flush,
 * so that the figures from just before a crash get out. Cheap: a few MXBean reads, no safepoint.
 */
public final class DistressMonitor {
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<MemoryPoolMXBean>();
    /** The old generation's pools ("G1 Old Gen", "PS Old Gen", "Tenured Gen"…): what they hold survived. */
    private final List<MemoryPoolMXBean> tenuredPools = new ArrayList<MemoryPoolMXBean>();
    private final LowMemoryNotifications notifications = new LowMemoryNotifications();
    private final Pressure heapAfterGc = new Pressure("heap_after_gc", 0.85, 0.75, 5);
    private final Pressure gcTime = new Pressure("gc_time", 0.30, 0.20, 0);
    private final Pressure containerMemory = new Pressure("container_memory", 0.90, 0.80, 5);
    private final Pressure fds = new Pressure("fds", 0.90, 0.80, 5);
    private final Pressure pids = new Pressure("pids", 0.90, 0.80, 5);
    private final StringBuilder reason = new StringBuilder(64);

    /** For tests: judges the sample's figures alone (no heap pools, no notifications). */
    DistressMonitor() {
    }

    /** Looks the heap pools up and listens for the JVM's low-memory notifications. */
    public static DistressMonitor start() {
        DistressMonitor monitor = new DistressMonitor();
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    monitor.heapPools.add(pool);
                    String name = pool.getName().toLowerCase(java.util.Locale.ROOT);
                    if (name.contains("old") || name.contains("tenured")) {
                        monitor.tenuredPools.add(pool);
                    }
                }
            }
        } catch (Throwable t) {
            // no pools: that signal stays silent
        }
        monitor.notifications.start();
        return monitor;
    }

    /** The distress reasons for this sample, such as {@code heap_after_gc=93%, gc_time=41%}, or null when calm. */
    public String evaluate(Sample sample) {
        reason.setLength(0);
        check(heapAfterGc, ratio(heapLive(), sample.getLong(Column.JVM_HEAP_MAX_BYTES, -1)));
        long gcMillis = sum(sample, Column.JVM_GC_YOUNG_TIME_MS, Column.JVM_GC_OLD_TIME_MS);
        check(gcTime, ratio(gcMillis, sample.getLong(Column.INTERVAL_MS, -1)));
        long working = sample.getLong(Column.CONTAINER_MEMORY_WORKING_SET_BYTES,
                sample.getLong(Column.CONTAINER_MEMORY_USAGE_BYTES, -1));
        check(containerMemory, ratio(working, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1)));
        check(fds, ratio(sample.getLong(Column.PROCESS_OPEN_FDS, -1), sample.getLong(Column.PROCESS_MAX_FDS, -1)));
        check(pids, ratio(sample.getLong(Column.CONTAINER_PIDS_CURRENT, -1), sample.getLong(Column.CONTAINER_PIDS_MAX, -1)));
        if (notifications.takeRaised()) {
            append("low_memory_notification");
        }
        return reason.length() == 0 ? null : reason.toString();
    }

    private void check(Pressure pressure, double fraction) {
        if (pressure.update(fraction)) {
            append(pressure.name + "=" + Math.round(fraction * 100) + "%");
        }
    }

    private void append(String part) {
        if (reason.length() > 0) {
            reason.append(", ");
        }
        reason.append(part);
    }

    /**
     * What the heap holds that a young collection cannot free: the larger of the heap in use after
     * the last collection and the old generation's current occupancy (objects promoted or allocated
     * there directly, large arrays under G1, stay until an old collection, which may come too late:
     * a leak of large arrays fills the old generation between two young collections). -1 when
     * neither is known.
     */
    private long heapLive() {
        long tenured = 0;
        boolean known = false;
        for (MemoryPoolMXBean pool : tenuredPools) {
            try {
                MemoryUsage usage = pool.getUsage();
                if (usage != null) {
                    tenured += usage.getUsed();
                    known = true;
                }
            } catch (Throwable t) {
                // a pool that cannot say adds nothing
            }
        }
        return Math.max(heapUsedAfterGc(), known ? tenured : -1);
    }

    /** Heap in use after the last collection, summed over the heap pools; -1 when no pool says. */
    private long heapUsedAfterGc() {
        long used = 0;
        boolean known = false;
        for (MemoryPoolMXBean pool : heapPools) {
            try {
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (afterGc != null) {
                    used += afterGc.getUsed();
                    known = true;
                }
            } catch (Throwable t) {
                // a pool that cannot say adds nothing
            }
        }
        return known ? used : -1;
    }

    private static long sum(Sample sample, Column a, Column b) {
        long x = sample.getLong(a, -1);
        long y = sample.getLong(b, -1);
        if (x < 0 && y < 0) {
            return -1;
        }
        return Math.max(0, x) + Math.max(0, y);
    }

    /** {@code part / whole}, or NaN when either is unknown or the whole is not positive. */
    static double ratio(long part, long whole) {
        return part < 0 || whole <= 0 ? Double.NaN : (double) part / whole;
    }
}
