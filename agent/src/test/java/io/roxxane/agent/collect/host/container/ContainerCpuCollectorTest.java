package io.roxxane.agent.collect.host.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.roxxane.agent.collect.host.Fixtures;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup's CPU time and throttling in the interval, on the recorded trees of host/cgroup. */
class ContainerCpuCollectorTest {
    private static final Column[] ALL = {Column.CONTAINER_CPU_USAGE_MS, Column.CONTAINER_CPU_PERIODS,
        Column.CONTAINER_CPU_THROTTLED_PERIODS, Column.CONTAINER_CPU_THROTTLED_MS};

    @TempDir
    Path dir;

    @Test
    void collect_v2_deltasOfCpuStat() {
        Path root = CgroupTrees.copy("v2-container", dir);
        ContainerCpuCollector collector = new ContainerCpuCollector(CgroupTrees.paths(root));
        assertNoneOf(collect(collector), "the first sample has no interval");
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/cpu.stat"), "usage_usec 125956789\nuser_usec 102000000\n"
                + "system_usec 23956789\ncore_sched.force_idle_usec 0\nnr_periods 5010\nnr_throttled 123\n"
                + "throttled_usec 3606789\nnr_bursts 0\nburst_usec 0\n");
        Sample second = collect(collector);
        assertEquals(2_500L, second.getLong(Column.CONTAINER_CPU_USAGE_MS, -1));
        assertEquals(10L, second.getLong(Column.CONTAINER_CPU_PERIODS, -1));
        assertEquals(3L, second.getLong(Column.CONTAINER_CPU_THROTTLED_PERIODS, -1));
        assertEquals(150L, second.getLong(Column.CONTAINER_CPU_THROTTLED_MS, -1));
    }

    @Test
    void collect_v1_cpuacctUsageAndCpuStatInNanoseconds() {
        Path root = CgroupTrees.copy("v1-docker", dir);
        ContainerCpuCollector collector = new ContainerCpuCollector(CgroupTrees.paths(root));
        collect(collector);
        Path cgroup = root.resolve("sys/fs/cgroup/cpu,cpuacct");
        Fixtures.rewrite(cgroup.resolve("cpuacct.usage"), "99999999999\n"); // +1,234,567,890 ns
        Fixtures.rewrite(cgroup.resolve("cpu.stat"), "nr_periods 810\nnr_throttled 29\nthrottled_time 1750000000\n");
        Sample second = collect(collector);
        assertEquals(99_999L - 98_765L, second.getLong(Column.CONTAINER_CPU_USAGE_MS, -1),
                "whole milliseconds of the totals, so the deltas add up");
        assertEquals(10L, second.getLong(Column.CONTAINER_CPU_PERIODS, -1));
        assertEquals(4L, second.getLong(Column.CONTAINER_CPU_THROTTLED_PERIODS, -1));
        assertEquals(250L, second.getLong(Column.CONTAINER_CPU_THROTTLED_MS, -1));
    }

    @Test
    void collect_nestedCgroupsWithoutQuota_readTheirOwnFilesAndCountNoPeriods() {
        for (String tree : new String[] {"v1-host-nested", "v2-host-nested"}) {
            Path root = CgroupTrees.copy(tree, dir);
            ContainerCpuCollector collector = new ContainerCpuCollector(CgroupTrees.paths(root));
            collect(collector);
            Sample second = collect(collector);
            for (Column column : ALL) {
                assertEquals(0L, second.getLong(column, -1), tree + " " + column.columnName()
                        + ": nothing changed, and the root's larger usage was not read");
            }
        }
    }

    @Test
    void collect_hybrid_v1HierarchiesApart() {
        Path root = CgroupTrees.copy("hybrid-sandbox", dir);
        ContainerCpuCollector collector = new ContainerCpuCollector(CgroupTrees.paths(root));
        collect(collector);
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/cpuacct/cpuacct.usage"), "8156575329755\n"); // +10 ms
        assertEquals(10L, collect(collector).getLong(Column.CONTAINER_CPU_USAGE_MS, -1));
    }

    @Test
    void collect_withoutCgroupFiles_leavesEveryColumnNull() {
        ContainerCpuCollector collector = new ContainerCpuCollector(CgroupPaths.resolve(dir.resolve("a").toFile(),
                dir.resolve("b").toFile(), dir.toFile()));
        collect(collector);
        assertNoneOf(collect(collector), "no cgroup");
    }

    @Test
    void collect_counterGoingBack_noDeltaForThatInterval() {
        Path root = CgroupTrees.copy("v2-container", dir);
        ContainerCpuCollector collector = new ContainerCpuCollector(CgroupTrees.paths(root));
        collect(collector);
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/cpu.stat"), "usage_usec 5\nnr_periods 5000\nnr_throttled 120\n"
                + "throttled_usec 3456789\n");
        Sample second = collect(collector);
        assertFalse(second.has(Column.CONTAINER_CPU_USAGE_MS));
        assertEquals(0L, second.getLong(Column.CONTAINER_CPU_PERIODS, -1));
    }

    private static Sample collect(ContainerCpuCollector collector) {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }

    private static void assertNoneOf(Sample sample, String why) {
        for (Column column : ALL) {
            assertFalse(sample.has(column), why + ": " + column.columnName());
        }
    }
}
