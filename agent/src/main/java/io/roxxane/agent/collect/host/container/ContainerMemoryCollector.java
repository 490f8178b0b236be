package io.roxxane.agent.collect.host.container;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;

/**
 * Memory of this process's cgroup: usage, working set, peak, and the OOM kills in the interval.
 * <ul>
 * <li>cgroup v2: {@code memory.current}; working set = it less {@code memory.stat}'s
 * {@code inactive_file}; {@code memory.peak} (Linux 5.19 and later; null before); OOM kills from
 * {@code memory.events}' {@code oom_kill} (this cgroup and those below it).</li>
 * <li>cgroup v1: {@code memory.usage_in_bytes}; working set = it less {@code memory.stat}'s
 * {@code total_inactive_file}; {@code memory.max_usage_in_bytes}; OOM kills from
 * {@code memory.oom_control}'s {@code oom_kill} line, which Linux has written since 4.13 (null
 * before). v1 has no other count of kills: {@code memory.failcnt} counts the times usage hit the
 * limit, which reclaim usually resolves without killing anything, so it is not used.</li>
 * </ul>
 * The working set is what the kubelet and cAdvisor call {@code container_memory_working_set_bytes}
 * (never below 0): the memory the kernel cannot simply drop, which eviction and the OOM killer
 * look at. At the root cgroup of v2 the kernel keeps none of these files (null); v1's root has
 * them, for the whole host. A file the cgroup does not have (checked at start) leaves its column null.
 */
public final class ContainerMemoryCollector implements Collector {
    private final ProcFile usage;
    private final ProcFile stat;
    private final String inactiveFileKey;
    private final ProcFile peak;
    private final ProcFile events;
    private final String oomKillKey;
    private final Deltas oomKills = new Deltas();

    public ContainerMemoryCollector(CgroupPaths paths) {
        File dir = paths.directory("memory");
        boolean v1 = paths.isV1("memory");
        usage = Cgroups.file(dir, v1 ? "memory.usage_in_bytes" : "memory.current");
        stat = Cgroups.file(dir, "memory.stat");
        inactiveFileKey = v1 ? "total_inactive_file " : "inactive_file ";
        peak = Cgroups.file(dir, v1 ? "memory.max_usage_in_bytes" : "memory.peak");
        events = Cgroups.file(dir, v1 ? "memory.oom_control" : "memory.events");
        oomKillKey = "oom_kill ";
    }

    @Override
    public void collect(Sample sample) {
        long used = usage != null && usage.read(64) ? usage.number(0) : -1;
        Cgroups.setGauge(sample, Column.CONTAINER_MEMORY_USAGE_BYTES, used);
        if (used >= 0 && stat != null && stat.read(8_192)) {
            long inactiveFile = stat.keyedNumber(inactiveFileKey);
            if (inactiveFile >= 0) {
                sample.set(Column.CONTAINER_MEMORY_WORKING_SET_BYTES, Math.max(0, used - inactiveFile));
            }
        }
        Cgroups.setGauge(sample, Column.CONTAINER_MEMORY_PEAK_BYTES, peak != null && peak.read(64) ? peak.number(0) : -1);
        long kills = events != null && events.read(1_024) ? events.keyedNumber(oomKillKey) : -1;
        Cgroups.setDelta(sample, Column.CONTAINER_OOM_KILLS, oomKills.next(kills));
    }
}
