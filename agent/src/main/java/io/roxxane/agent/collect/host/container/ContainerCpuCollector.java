package io.roxxane.agent.collect.host.container;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;

/**
 * CPU time of this process's cgroup in the interval, and how much of it CFS throttled:
 * <ul>
 * <li>cgroup v2: {@code cpu.stat}'s {@code usage_usec} (kept for every cgroup), and, where the cpu
 * controller is enabled for it, {@code nr_periods}, {@code nr_throttled} and {@code throttled_usec};</li>
 * <li>cgroup v1: {@code cpuacct.usage} (nanoseconds) of the cpuacct hierarchy, and {@code cpu.stat}'s
 * {@code nr_periods}, {@code nr_throttled} and {@code throttled_time} (nanoseconds) of the cpu one.</li>
 * </ul>
 * Without a quota the kernel counts no periods: 0 periods, 0 throttled, which is what happened.
 * The times are turned into whole milliseconds before the delta is taken, so the deltas of a run
 * add up to the cgroup's total. A file the cgroup does not have (checked at start) leaves its
 * columns null.
 */
public final class ContainerCpuCollector implements Collector {
    private final ProcFile usage;
    /** Nanoseconds per unit of {@link #usage}: 1,000 for v2's µs, 1 for v1's ns. */
    private final long usageUnitNanos;
    private final String usageKey;
    private final ProcFile throttling;
    private final String throttledTimeKey;
    private final long throttledUnitNanos;
    private final Deltas usageMs = new Deltas();
    private final Deltas periods = new Deltas();
    private final Deltas throttledPeriods = new Deltas();
    private final Deltas throttledMs = new Deltas();

    public ContainerCpuCollector(CgroupPaths paths) {
        if (paths.isV1("cpuacct")) {
            usage = Cgroups.file(paths.v1("cpuacct"), "cpuacct.usage");
            usageKey = null;
            usageUnitNanos = 1;
        } else {
            usage = Cgroups.file(paths.v2(), "cpu.stat");
            usageKey = "usage_usec ";
            usageUnitNanos = 1_000;
        }
        if (paths.isV1("cpu")) {
            throttling = Cgroups.file(paths.v1("cpu"), "cpu.stat");
            throttledTimeKey = "throttled_time ";
            throttledUnitNanos = 1;
        } else {
            throttling = usageKey != null ? usage : Cgroups.file(paths.v2(), "cpu.stat"); // one read of v2's cpu.stat
            throttledTimeKey = "throttled_usec ";
            throttledUnitNanos = 1_000;
        }
    }

    @Override
    public void collect(Sample sample) {
        long used = -1;
        boolean usageRead = usage != null && usage.read(4_096);
        if (usageRead) {
            long units = usageKey == null ? usage.number(0) : usage.keyedNumber(usageKey);
            used = units < 0 ? -1 : Cgroups.millis(units, usageUnitNanos);
        }
        Cgroups.setDelta(sample, Column.CONTAINER_CPU_USAGE_MS, usageMs.next(used));
        long elapsed = -1;
        long throttled = -1;
        long throttledTime = -1;
        if (throttling == usage ? usageRead : throttling != null && throttling.read(4_096)) {
            elapsed = throttling.keyedNumber("nr_periods ");
            throttled = throttling.keyedNumber("nr_throttled ");
            long units = throttling.keyedNumber(throttledTimeKey);
            throttledTime = units < 0 ? -1 : Cgroups.millis(units, throttledUnitNanos);
        }
        Cgroups.setDelta(sample, Column.CONTAINER_CPU_PERIODS, periods.next(elapsed));
        Cgroups.setDelta(sample, Column.CONTAINER_CPU_THROTTLED_PERIODS, throttledPeriods.next(throttled));
        Cgroups.setDelta(sample, Column.CONTAINER_CPU_THROTTLED_MS, throttledMs.next(throttledTime));
    }
}
