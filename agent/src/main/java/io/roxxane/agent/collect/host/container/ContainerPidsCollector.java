package io.roxxane.agent.collect.host.container;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;

/**
 * Processes and threads in this process's cgroup: {@code pids.current} of the pids controller
 * (the same file in cgroup v1 and v2). The root cgroup has none (null there); the limit,
 * {@code pids.max}, is read with the other limits ({@link ContainerLimitsCollector}).
 */
public final class ContainerPidsCollector implements Collector {
    private final ProcFile current;

    public ContainerPidsCollector(CgroupPaths paths) {
        this.current = Cgroups.file(paths.directory("pids"), "pids.current");
    }

    @Override
    public void collect(Sample sample) {
        Cgroups.setGauge(sample, Column.CONTAINER_PIDS_CURRENT,
                current != null && current.read(64) ? current.number(0) : -1);
    }
}
