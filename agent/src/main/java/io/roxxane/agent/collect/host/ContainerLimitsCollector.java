package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;

/**
 * The cgroup CPU quota (in cores) and memory limit of this process, when it runs in a container
 * or a cgroup with limits ({@link CgroupLimits}). Limits rarely change: they are read at most
 * every {@link #REFRESH_MS}.
 */
public final class ContainerLimitsCollector implements Collector {
    static final long REFRESH_MS = 60_000L;

    private final CgroupLimits limits;
    private long readAtMillis = Long.MIN_VALUE;

    public ContainerLimitsCollector() {
        this(new CgroupLimits());
    }

    ContainerLimitsCollector(CgroupLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "container-limits";
    }

    @Override
    public void collect(Sample sample) {
        long now = System.currentTimeMillis();
        if (readAtMillis == Long.MIN_VALUE || now - readAtMillis >= REFRESH_MS) {
            limits.read();
            readAtMillis = now;
        }
        if (limits.cpuCores() > 0) {
            sample.set(Column.CONTAINER_CPU_LIMIT, limits.cpuCores());
        }
        if (limits.memoryBytes() > 0) {
            sample.set(Column.CONTAINER_MEMORY_LIMIT_BYTES, limits.memoryBytes());
        }
    }
}
