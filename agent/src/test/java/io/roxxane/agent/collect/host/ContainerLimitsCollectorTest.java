package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import oshi.software.os.CgroupInfo;
import oshi.software.os.OperatingSystem;

class ContainerLimitsCollectorTest {
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void collect_whenQuotaAndPeriod_reportsCores() {
        Sample sample = collect(cgroup(150_000, 100_000, 512L * 1024 * 1024));
        assertEquals(1.5, (Double) sample.get(Column.CONTAINER_CPU_LIMIT), 1e-9);
        assertEquals(512L * 1024 * 1024, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    @Test
    void collect_whenCgroupV1Unlimited_leavesBothAbsent() {
        // cgroup v1 says "no limit" with a quota of -1 and a page-aligned near-Long.MAX_VALUE memory limit.
        Sample sample = collect(cgroup(-1, 100_000, 9223372036854771712L));
        assertFalse(sample.has(Column.CONTAINER_CPU_LIMIT));
        assertFalse(sample.has(Column.CONTAINER_MEMORY_LIMIT_BYTES));
    }

    @Test
    void collect_whenOshiDefaults_leavesBothAbsent() {
        Sample sample = collect(new CgroupInfo() {
        });
        assertFalse(sample.has(Column.CONTAINER_CPU_LIMIT));
        assertFalse(sample.has(Column.CONTAINER_MEMORY_LIMIT_BYTES));
    }

    @Test
    void collect_whenOnlyMemoryLimited_reportsMemoryOnly() {
        Sample sample = collect(cgroup(CgroupInfo.UNLIMITED, 0, 2L * 1024 * 1024 * 1024));
        assertFalse(sample.has(Column.CONTAINER_CPU_LIMIT));
        assertEquals(2L * 1024 * 1024 * 1024, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    @Test
    void collect_whenCalledOften_readsTheCgroupOncePerRefresh() {
        ContainerLimitsCollector collector = new ContainerLimitsCollector(os(cgroup(200_000, 100_000, 1L << 30)));
        for (int i = 0; i < 5; i++) {
            Sample sample = new Sample();
            collector.collect(sample);
            assertEquals(2.0, (Double) sample.get(Column.CONTAINER_CPU_LIMIT), 1e-9);
        }
        assertEquals(1, reads.get());
    }

    private Sample collect(CgroupInfo cgroup) {
        Sample sample = new Sample();
        new ContainerLimitsCollector(os(cgroup)).collect(sample);
        return sample;
    }

    private OperatingSystem os(CgroupInfo cgroup) {
        return (OperatingSystem) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OperatingSystem.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCgroupInfo")) {
                        reads.incrementAndGet();
                        return cgroup;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static CgroupInfo cgroup(long quota, long period, long memory) {
        return new CgroupInfo() {
            @Override
            public long getCpuQuota() {
                return quota;
            }

            @Override
            public long getCpuPeriod() {
                return period;
            }

            @Override
            public long getMemoryLimit() {
                return memory;
            }
        };
    }
}
