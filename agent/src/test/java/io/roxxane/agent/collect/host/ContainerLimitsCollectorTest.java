package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.software.os.CgroupInfo;

/** The cgroup limits, on recorded /proc/self/cgroup and /sys/fs/cgroup trees and on this machine against OSHI. */
class ContainerLimitsCollectorTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path root;

    @Test
    void collect_cgroupV2WithQuotaAndMemoryLimit_reportsCoresAndBytes() throws Exception {
        selfCgroup("0::/kubepods/pod1/ctr\n");
        write("sys/fs/cgroup/kubepods/pod1/ctr/cpu.max", "150000 100000\n");
        write("sys/fs/cgroup/kubepods/pod1/ctr/memory.max", "536870912\n");
        Sample sample = collect();
        assertEquals(1.5, (Double) sample.get(Column.CONTAINER_CPU_LIMIT), 1e-9);
        assertEquals(512L * 1024 * 1024, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    @Test
    void collect_cgroupV2Max_leavesBothAbsent() throws Exception {
        selfCgroup("0::/\n");
        write("sys/fs/cgroup/cpu.max", "max 100000\n");
        write("sys/fs/cgroup/memory.max", "max\n");
        assertNoLimits(collect());
    }

    @Test
    void collect_cgroupV2PathNotVisible_readsTheNamespaceRoot() throws Exception {
        // A container with its own cgroup namespace may still name the host-side path.
        selfCgroup("0::/system.slice/docker-abc.scope\n");
        write("sys/fs/cgroup/cpu.max", "200000 100000\n");
        write("sys/fs/cgroup/memory.max", "1073741824\n");
        Sample sample = collect();
        assertEquals(2.0, (Double) sample.get(Column.CONTAINER_CPU_LIMIT), 1e-9);
        assertEquals(GIB, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    @Test
    void collect_cgroupV1WithLimits_readsEachControllersDirectory() throws Exception {
        selfCgroup("12:pids:/docker/abc\n4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n0::/\n");
        write("sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "50000\n");
        write("sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");
        write("sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes", "2147483648\n");
        Sample sample = collect();
        assertEquals(0.5, (Double) sample.get(Column.CONTAINER_CPU_LIMIT), 1e-9);
        assertEquals(2 * GIB, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    @Test
    void collect_cgroupV1Unlimited_leavesBothAbsent() throws Exception {
        // v1 says "no limit" with a quota of -1 and a page-aligned near-Long.MAX_VALUE memory limit.
        selfCgroup("4:memory:/\n2:cpu:/\n");
        write("sys/fs/cgroup/cpu/cpu.cfs_quota_us", "-1\n");
        write("sys/fs/cgroup/cpu/cpu.cfs_period_us", "100000\n");
        write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
        assertNoLimits(collect());
    }

    @Test
    void collect_onlyMemoryLimited_reportsMemoryOnly() throws Exception {
        selfCgroup("0::/app\n");
        write("sys/fs/cgroup/app/memory.max", "2147483648\n");
        Sample sample = collect();
        assertFalse(sample.has(Column.CONTAINER_CPU_LIMIT));
        assertEquals(2 * GIB, sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    @Test
    void collect_noCgroupFileOrGarbledFiles_leavesBothAbsent() throws Exception {
        assertNoLimits(collect()); // off Linux: no /proc/self/cgroup
        selfCgroup("0::/\n");
        write("sys/fs/cgroup/cpu.max", "lots\n");
        write("sys/fs/cgroup/memory.max", "\n");
        assertNoLimits(collect());
    }

    @Test
    void collect_whenCalledOften_readsTheCgroupOncePerRefresh() throws Exception {
        selfCgroup("0::/\n");
        write("sys/fs/cgroup/cpu.max", "200000 100000\n");
        ContainerLimitsCollector collector = collector();
        collector.collect(new Sample());
        write("sys/fs/cgroup/cpu.max", "400000 100000\n");
        for (int i = 0; i < 5; i++) {
            Sample sample = new Sample();
            collector.collect(sample);
            assertEquals(2.0, (Double) sample.get(Column.CONTAINER_CPU_LIMIT), 1e-9, "read again before the refresh");
        }
    }

    @Test
    void collect_onThisMachine_agreesWithOshisCgroupInfo() {
        CgroupInfo oshi = new oshi.nativefree.SystemInfo().getOperatingSystem().getCgroupInfo();
        Sample sample = new Sample();
        new ContainerLimitsCollector().collect(sample);
        long quota = oshi.getCpuQuota();
        long period = oshi.getCpuPeriod();
        long memory = oshi.getMemoryLimit();
        assertEquals(quota > 0 && period > 0 ? (double) quota / period : -1.0,
                sample.has(Column.CONTAINER_CPU_LIMIT) ? (Double) sample.get(Column.CONTAINER_CPU_LIMIT) : -1.0, 1e-9);
        assertEquals(memory > 0 && memory < CgroupLimits.UNLIMITED_THRESHOLD ? memory : -1,
                sample.getLong(Column.CONTAINER_MEMORY_LIMIT_BYTES, -1));
    }

    private void selfCgroup(String content) throws Exception {
        write("proc/self/cgroup", content);
    }

    private void write(String relative, String content) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ContainerLimitsCollector collector() {
        return new ContainerLimitsCollector(new CgroupLimits(root.resolve("proc/self/cgroup").toFile(),
                root.resolve("sys/fs/cgroup").toFile()));
    }

    private Sample collect() {
        Sample sample = new Sample();
        collector().collect(sample);
        return sample;
    }

    private static void assertNoLimits(Sample sample) {
        assertFalse(sample.has(Column.CONTAINER_CPU_LIMIT));
        assertFalse(sample.has(Column.CONTAINER_MEMORY_LIMIT_BYTES));
    }
}
