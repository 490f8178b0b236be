package io.roxxane.agent.collect.host.container;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Every;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;

/**
 * The cgroup CPU quota (in cores), memory limit and process limit of this process
 * ({@link CgroupLimits}), when it runs in a container or a cgroup with limits; null where there is
 * none. Limits rarely change: they are read at most every {@link #REFRESH_MS}.
 */
public final class ContainerLimitsCollector implements Collector {
    static final long REFRESH_MS = 60_000L;

    private final CgroupLimits limits;
    private final Every reread = Every.millis(REFRESH_MS);

    public ContainerLimitsCollector(CgroupPaths paths) {
        this(new CgroupLimits(paths));
    }

    ContainerLimitsCollector(CgroupLimits limits) {
        this.limits = limits;
    }

    @Override
    public void collect(Sample sample) {
        if (reread.due()) {
            limits.read();
        }
        if (limits.cpuCores() > 0) {
            sample.set(Column.CONTAINER_CPU_LIMIT, limits.cpuCores());
        }
        if (limits.memoryBytes() > 0) {
            sample.set(Column.CONTAINER_MEMORY_LIMIT_BYTES, limits.memoryBytes());
        }
        if (limits.pids() > 0) {
            sample.set(Column.CONTAINER_PIDS_MAX, limits.pids());
        }
    }
}
