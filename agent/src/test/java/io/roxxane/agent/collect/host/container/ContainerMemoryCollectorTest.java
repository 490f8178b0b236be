package io.roxxane.agent.collect.host.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.roxxane.agent.collect.host.Fixtures;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup's memory, working set, peak and OOM kills, on the recorded trees of host/cgroup. */
class ContainerMemoryCollectorTest {
    @TempDir
    Path dir;

    @Test
    void collect_v2_usageWorkingSetPeakAndOomKills() {
        Path root = CgroupTrees.copy("v2-container", dir);
        ContainerMemoryCollector collector = new ContainerMemoryCollector(CgroupTrees.paths(root));
        Sample first = collect(collector);
        assertEquals(734_003_200L, first.getLong(Column.CONTAINER_MEMORY_USAGE_BYTES, -1));
        assertEquals(734_003_200L - 104_857_600L, first.getLong(Column.CONTAINER_MEMORY_WORKING_SET_BYTES, -1),
                "usage less inactive_file");
        assertEquals(912_261_120L, first.getLong(Column.CONTAINER_MEMORY_PEAK_BYTES, -1));
        assertFalse(first.has(Column.CONTAINER_OOM_KILLS), "the first sample has no interval");
        assertEquals(0L, collect(collector).getLong(Column.CONTAINER_OOM_KILLS, -1));
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/memory.events"),
                "low 0\nhigh 0\nmax 15\noom 3\noom_kill 3\noom_group_kill 0\n");
        assertEquals(2L, collect(collector).getLong(Column.CONTAINER_OOM_KILLS, -1));
    }

    @Test
    void collect_v2BeforeLinux519_noPeakAndAWorkingSetNeverBelowZero() {
        Sample sample = collect(new ContainerMemoryCollector(CgroupTrees.paths(Fixtures.path("cgroup/v2-host-nested"))));
        assertEquals(268_435_456L, sample.getLong(Column.CONTAINER_MEMORY_USAGE_BYTES, -1));
        assertEquals(0L, sample.getLong(Column.CONTAINER_MEMORY_WORKING_SET_BYTES, -1), "inactive_file above usage");
        assertFalse(sample.has(Column.CONTAINER_MEMORY_PEAK_BYTES), "no memory.peak: null, not 0");
    }

    @Test
    void collect_v1_hierarchicalInactiveFileMaxUsageAndOomControl() {
        Path root = CgroupTrees.copy("v1-docker", dir);
        ContainerMemoryCollector collector = new ContainerMemoryCollector(CgroupTrees.paths(root));
        Sample first = collect(collector);
        assertEquals(1_887_436_800L, first.getLong(Column.CONTAINER_MEMORY_USAGE_BYTES, -1));
        assertEquals(1_887_436_800L - 104_857_600L, first.getLong(Column.CONTAINER_MEMORY_WORKING_SET_BYTES, -1),
                "less total_inactive_file, not the local inactive_file");
        assertEquals(2_013_265_920L, first.getLong(Column.CONTAINER_MEMORY_PEAK_BYTES, -1));
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/memory/memory.oom_control"),
                "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/memory/memory.failcnt"), "90\n");
        assertEquals(1L, collect(collector).getLong(Column.CONTAINER_OOM_KILLS, -1), "oom_kill, not failcnt");
    }

    @Test
    void collect_v1BeforeLinux413_noOomKillCount() {
        ContainerMemoryCollector collector =
                new ContainerMemoryCollector(CgroupTrees.paths(Fixtures.path("cgroup/v1-host-nested")));
        collect(collector);
        Sample second = collect(collector);
        assertFalse(second.has(Column.CONTAINER_OOM_KILLS), "memory.oom_control has no oom_kill line");
        assertEquals(629_145_600L, second.getLong(Column.CONTAINER_MEMORY_USAGE_BYTES, -1));
        assertEquals(734_003_200L, second.getLong(Column.CONTAINER_MEMORY_PEAK_BYTES, -1));
    }

    @Test
    void collect_withoutCgroupFiles_leavesEveryColumnNull() {
        ContainerMemoryCollector collector = new ContainerMemoryCollector(
                CgroupPaths.resolve(dir.resolve("a").toFile(), dir.resolve("b").toFile(), dir.toFile()));
        collect(collector);
        Sample sample = collect(collector);
        for (Column column : new Column[] {Column.CONTAINER_MEMORY_USAGE_BYTES, Column.CONTAINER_MEMORY_WORKING_SET_BYTES,
            Column.CONTAINER_MEMORY_PEAK_BYTES, Column.CONTAINER_OOM_KILLS}) {
            assertFalse(sample.has(column), column.columnName());
        }
    }

    private static Sample collect(ContainerMemoryCollector collector) {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }
}
