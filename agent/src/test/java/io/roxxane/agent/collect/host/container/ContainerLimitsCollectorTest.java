package io.roxxane.agent.collect.host.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.roxxane.agent.collect.host.Fixtures;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.software.os.CgroupInfo;

/** The cgroup limits and process count, on the recorded trees of host/cgroup and on this machine against OSHI. */
class ContainerLimitsCollectorTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void collect_cgroupV2WithLimits_reportsCoresBytesAndProcesses() {
        Sample sample = limits("v2-container");
        assertEquals(1.5, (Double) sample.get(Column.CONTAINER_CPU_LIMIT), 1e-9);
        assertEquals(GIB, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
        assertEquals(4096L, sample.getLong(Column.CONTAINER_PIDS_MAX, -1));
    }

    @Test
    void collect_cgroupV2Max_leavesEveryLimitAbsent() {
        assertNoLimits(limits("v2-host-nested")); // its parent's "max" is not read either
    }

    @Test
    void collect_cgroupV2PathNotVisible_readsTheNamespaceRoot() throws Exception {
        // A container with its own cgroup namespace may still name the host-side path.
        Path root = CgroupTrees.copy("v2-container", dir);
        Files.writeString(root.resolve("proc/self/cgroup"), "0::/system.slice/docker-abc.scope\n");
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/cpu.max"), "200000 100000\n");
        Sample sample = collect(new ContainerLimitsCollector(CgroupTrees.paths(root)));
        assertEquals(2.0, (Double) sample.get(Column.CONTAINER_CPU_LIMIT), 1e-9);
        assertEquals(GIB, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    @Test
    void collect_cgroupV1WithLimits_readsEachControllersDirectory() {
        Sample sample = limits("v1-docker");
        assertEquals(0.5, (Double) sample.get(Column.CONTAINER_CPU_LIMIT), 1e-9);
        assertEquals(2 * GIB, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
        assertEquals(1024L, sample.getLong(Column.CONTAINER_PIDS_MAX, -1));
    }

    @Test
    void collect_cgroupV1Unlimited_leavesEveryLimitAbsent() {
        // v1 says "no limit" with a quota of -1 and a page-aligned near-Long.MAX_VALUE memory limit.
        assertNoLimits(limits("v1-host-nested"));
        assertNoLimits(limits("hybrid-sandbox")); // and the root cgroup has no pids.max
    }

    @Test
    void collect_onlyMemoryLimited_reportsMemoryOnly() throws Exception {
        Path root = CgroupTrees.copy("v2-host-nested", dir);
        String path = Files.readString(root.resolve("proc/self/cgroup")).trim().substring("0::/".length());
        Path scope = root.resolve("sys/fs/cgroup").resolve(path);
        Fixtures.rewrite(scope.resolve("memory.max"), "2147483648\n");
        Sample sample = collect(new ContainerLimitsCollector(CgroupTrees.paths(root)));
        assertFalse(sample.has(Column.CONTAINER_CPU_LIMIT));
        assertEquals(2 * GIB, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    @Test
    void collect_noCgroupFileOrGarbledFiles_leavesEveryLimitAbsent() throws Exception {
        assertNoLimits(collect(new ContainerLimitsCollector(CgroupPaths.resolve(dir.resolve("a").toFile(),
                dir.resolve("b").toFile(), dir.toFile())))); // off Linux: no /proc/self/cgroup
        Path root = CgroupTrees.copy("v2-container", dir);
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/cpu.max"), "lots\n");
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/memory.max"), "\n");
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/pids.max"), "-5\n");
        assertNoLimits(collect(new ContainerLimitsCollector(CgroupTrees.paths(root))));
    }

    @Test
    void collect_whenCalledOften_readsTheCgroupOncePerRefresh() {
        Path root = CgroupTrees.copy("v2-container", dir);
        ContainerLimitsCollector collector = new ContainerLimitsCollector(CgroupTrees.paths(root));
        collect(collector);
        Fixtures.rewrite(root.resolve("sys/fs/cgroup/cpu.max"), "400000 100000\n");
        for (int i = 0; i < 5; i++) {
            assertEquals(1.5, (Double) collect(collector).get(Column.CONTAINER_CPU_LIMIT), 1e-9, "read again before the refresh");
        }
    }

    @Test
    void pids_currentInEachVersion_andNullAtTheRoot() {
        assertEquals(42L, pids("v2-container"));
        assertEquals(17L, pids("v2-host-nested"));
        assertEquals(23L, pids("v1-docker"));
        assertEquals(31L, pids("v1-host-nested"));
        assertEquals(-1L, pids("hybrid-sandbox"), "the root cgroup has no pids.current");
    }

    @Test
    void collect_onThisMachine_agreesWithOshisCgroupInfo() {
        CgroupInfo oshi = new oshi.nativefree.SystemInfo().getOperatingSystem().getCgroupInfo();
        Sample sample = collect(new ContainerLimitsCollector(CgroupPaths.ofThisProcess()));
        long quota = oshi.getCpuQuota();
        long period = oshi.getCpuPeriod();
        long memory = oshi.getMemoryLimit();
        assertEquals(quota > 0 && period > 0 ? (double) quota / period : -1.0,
                sample.has(Column.CONTAINER_CPU_LIMIT) ? (Double) sample.get(Column.CONTAINER_CPU_LIMIT) : -1.0, 1e-9);
        assertEquals(memory > 0 && memory < CgroupLimits.UNLIMITED_THRESHOLD ? memory : -1,
                sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    private Sample limits(String tree) {
        return collect(new ContainerLimitsCollector(CgroupTrees.paths(Fixtures.path("cgroup/" + tree))));
    }

    private static long pids(String tree) {
        Sample sample = new Sample();
        new ContainerPidsCollector(CgroupTrees.paths(Fixtures.path("cgroup/" + tree))).collect(sample);
        return sample.getLong(Column.CONTAINER_PIDS_CURRENT, -1);
    }

    private static Sample collect(ContainerLimitsCollector collector) {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }

    private static void assertNoLimits(Sample sample) {
        assertFalse(sample.has(Column.CONTAINER_CPU_LIMIT));
        assertFalse(sample.has(Column.CONTAINER_MEMORY_LIMIT_BYTES));
        assertFalse(sample.has(Column.CONTAINER_PIDS_MAX));
    }
}
