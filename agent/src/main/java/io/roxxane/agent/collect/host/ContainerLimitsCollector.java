package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.software.os.CgroupInfo;
import oshi.software.os.OperatingSystem;

/**
 * The cgroup CPU quota (in cores) and memory limit of this process, when it runs in a container
 * or a cgroup with limits. Limits rarely change: they are read at most every {@link #REFRESH_MS}.
 */
public final class ContainerLimitsCollector implements Collector {
    static final long REFRESH_MS = 60_000L;
    /** cgroup v1 reports "no memory limit" as a huge page-aligned number, not -1. */
    static final long UNLIMITED_THRESHOLD = Long.MAX_VALUE / 2;

    private final OperatingSystem os;
    private long readAtMillis = Long.MIN_VALUE;
    private double cpuLimit = -1;
    private long memoryLimit = -1;

    public ContainerLimitsCollector(OperatingSystem os) {
        this.os = os;
    }

    @Override
    public String name() {
        return "container-limits";
    }

    @Override
    public void collect(Sample sample) {
        long now = System.currentTimeMillis();
        if (readAtMillis == Long.MIN_VALUE || now - readAtMillis >= REFRESH_MS) {
            read();
            readAtMillis = now;
        }
        if (cpuLimit > 0) {
            sample.set(Column.CONTAINER_CPU_LIMIT, cpuLimit);
        }
        if (memoryLimit > 0) {
            sample.set(Column.CONTAINER_MEMORY_LIMIT_BYTES, memoryLimit);
        }
    }

    private void read() {
        CgroupInfo cgroup = os.getCgroupInfo();
        long quota = cgroup.getCpuQuota();
        long period = cgroup.getCpuPeriod();
        cpuLimit = quota > 0 && period > 0 ? (double) quota / period : -1;
        long memory = cgroup.getMemoryLimit();
        memoryLimit = memory > 0 && memory < UNLIMITED_THRESHOLD ? memory : -1;
    }
}
