package io.roxxane.agent.collect.host.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.CpuBurner;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container collectors on this machine's own cgroup, against its files read here: the
 * directories found with plain string handling of /proc/self/cgroup and /proc/self/mountinfo
 * (and checked by finding this process in their cgroup.procs), the figures read with
 * Files.readAllLines around each collection. Works on cgroup v1, v2 and hybrid hosts.
 */
class CgroupOnThisMachineTest {
    private static final long SLACK_BYTES = 32L << 20; // memory moves while the files are read
    private static final long PID = ProcessHandle.current().pid();
    /** This process's cgroup per controller: {directory, "1" for v1 or "2" for v2}. */
    private static String[] cpuacct;
    private static String[] cpu;
    private static String[] memory;
    private static String[] pids;

    @BeforeAll
    static void findTheCgroup() {
        cpuacct = cgroupOf("cpuacct");
        cpu = cgroupOf("cpu");
        memory = cgroupOf("memory");
        pids = cgroupOf("pids");
        System.out.println("cgroup of this test: cpuacct " + Arrays.toString(cpuacct) + ", cpu " + Arrays.toString(cpu)
                + ", memory " + Arrays.toString(memory) + ", pids " + Arrays.toString(pids));
    }

    @Test
    void cpu_usageCoversTheBurnAndThrottlingAgreesWithCpuStat() throws Exception {
        ContainerCpuCollector collector = new ContainerCpuCollector(CgroupPaths.ofThisProcess());
        long[] u0 = cpuFigures();
        Sample first = new Sample();
        collector.collect(first);
        long[] u1 = cpuFigures();
        CpuBurner.burnThreadCpu(200_000_000L);
        long[] u2 = cpuFigures();
        Sample second = new Sample();
        collector.collect(second);
        long[] u3 = cpuFigures();
        assertFalse(first.has(Column.CONTAINER_CPU_USAGE_MS), "the first sample has no interval");
        long usage = second.getLong(Column.CONTAINER_CPU_USAGE_MS, -1);
        assertTrue(u2[0] - u1[0] >= 200, "the burn shows in the cgroup's usage: " + (u2[0] - u1[0]) + " ms");
        assertTrue(usage >= u2[0] - u1[0] - 1 && usage <= u3[0] - u0[0] + 1,
                "usage " + usage + " ms outside [" + (u2[0] - u1[0]) + ", " + (u3[0] - u0[0]) + "]");
        Column[] throttling = {Column.CONTAINER_CPU_PERIODS, Column.CONTAINER_CPU_THROTTLED_PERIODS,
            Column.CONTAINER_CPU_THROTTLED_MS};
        for (int i = 0; i < throttling.length; i++) {
            if (u0[i + 1] < 0) {
                assertFalse(second.has(throttling[i]), throttling[i].columnName() + ": cpu.stat does not have it");
                continue;
            }
            long delta = second.getLong(throttling[i], -1);
            assertTrue(delta >= u2[i + 1] - u1[i + 1] - 1 && delta <= u3[i + 1] - u0[i + 1] + 1,
                    throttling[i].columnName() + " " + delta + " outside [" + (u2[i + 1] - u1[i + 1]) + ", "
                            + (u3[i + 1] - u0[i + 1]) + "]");
        }
    }

    @Test
    void memory_usageWorkingSetPeakAndOomKillsAgreeWithTheFiles() {
        ContainerMemoryCollector collector = new ContainerMemoryCollector(CgroupPaths.ofThisProcess());
        long[] m0 = memoryFigures();
        collector.collect(new Sample());
        long[] m1 = memoryFigures();
        Sample second = new Sample();
        collector.collect(second);
        long[] m2 = memoryFigures();
        Column[] gauges = {Column.CONTAINER_MEMORY_USAGE_BYTES, Column.CONTAINER_MEMORY_WORKING_SET_BYTES};
        for (int i = 0; i < gauges.length; i++) {
            if (m1[i] < 0) {
                assertFalse(second.has(gauges[i]), gauges[i].columnName() + ": no such file here");
                continue;
            }
            long value = second.getLong(gauges[i], -1);
            assertTrue(value >= Math.min(m1[i], m2[i]) - SLACK_BYTES && value <= Math.max(m1[i], m2[i]) + SLACK_BYTES,
                    gauges[i].columnName() + " " + value + " vs the files' " + m1[i] + " .. " + m2[i]);
        }
        if (m1[2] < 0) {
            assertFalse(second.has(Column.CONTAINER_MEMORY_PEAK_BYTES), "no peak file here");
        } else {
            long peak = second.getLong(Column.CONTAINER_MEMORY_PEAK_BYTES, -1);
            assertTrue(peak >= m1[2] && peak <= m2[2], "peak " + peak + " vs " + m1[2] + " .. " + m2[2]);
        }
        if (m0[3] < 0) {
            assertFalse(second.has(Column.CONTAINER_OOM_KILLS), "no oom_kill count here");
        } else {
            long kills = second.getLong(Column.CONTAINER_OOM_KILLS, -1);
            assertTrue(kills >= 0 && kills <= m2[3] - m0[3], "OOM kills " + kills + " vs " + m0[3] + " .. " + m2[3]);
        }
    }

    @Test
    void pids_currentAgreesWithPidsCurrentAndMaxWithPidsMax() {
        Sample sample = new Sample();
        long before = pids == null ? -1 : number(pids[0], "pids.current");
        new ContainerPidsCollector(CgroupPaths.ofThisProcess()).collect(sample);
        new ContainerLimitsCollector(CgroupPaths.ofThisProcess()).collect(sample);
        long after = pids == null ? -1 : number(pids[0], "pids.current");
        if (before < 0) {
            assertFalse(sample.has(Column.CONTAINER_PIDS_CURRENT), "no pids.current here (the root cgroup has none)");
        } else {
            long current = sample.getLong(Column.CONTAINER_PIDS_CURRENT, -1);
            assertTrue(current >= Math.min(before, after) - 20 && current <= Math.max(before, after) + 20,
                    "pids " + current + " vs " + before + " .. " + after);
        }
        long max = pids == null ? -1 : number(pids[0], "pids.max");
        assertEquals(max, sample.getLong(Column.CONTAINER_PIDS_MAX, -1), "pids.max, or null for max or no file");
    }

    /** Usage in ms, then periods, throttled periods, throttled ms (-1 where the cgroup has none). */
    private static long[] cpuFigures() {
        long[] figures = {-1, -1, -1, -1};
        if (cpuacct != null && cpuacct[1].equals("1")) {
            figures[0] = number(cpuacct[0], "cpuacct.usage") / 1_000_000L;
        } else if (cpu != null) {
            figures[0] = keyed(cpu[0], "cpu.stat", "usage_usec") / 1_000L;
        }
        if (cpu != null) {
            boolean v1 = cpu[1].equals("1");
            figures[1] = keyed(cpu[0], "cpu.stat", "nr_periods");
            figures[2] = keyed(cpu[0], "cpu.stat", "nr_throttled");
            long time = keyed(cpu[0], "cpu.stat", v1 ? "throttled_time" : "throttled_usec");
            figures[3] = time < 0 ? -1 : v1 ? time / 1_000_000L : time / 1_000L;
        }
        return figures;
    }

    /** Usage, working set, peak, OOM kills (-1 where the cgroup has none). */
    private static long[] memoryFigures() {
        long[] figures = {-1, -1, -1, -1};
        if (memory == null) {
            return figures;
        }
        boolean v1 = memory[1].equals("1");
        figures[0] = number(memory[0], v1 ? "memory.usage_in_bytes" : "memory.current");
        long inactive = keyed(memory[0], "memory.stat", v1 ? "total_inactive_file" : "inactive_file");
        figures[1] = figures[0] < 0 || inactive < 0 ? -1 : Math.max(0, figures[0] - inactive);
        figures[2] = number(memory[0], v1 ? "memory.max_usage_in_bytes" : "memory.peak");
        figures[3] = keyed(memory[0], v1 ? "memory.oom_control" : "memory.events", "oom_kill");
        return figures;
    }

    /**
     * The cgroup directory of {@code controller}: its v1 hierarchy if it is mounted as one, else
     * the v2 cgroup; checked to hold this process. Null if neither exists.
     */
    private static String[] cgroupOf(String controller) {
        String v1Path = null;
        String v2Path = null;
        for (String line : lines("/proc/self/cgroup")) {
            String[] parts = line.split(":", 3);
            if (parts[0].equals("0") && parts[1].isEmpty()) {
                v2Path = parts[2];
            } else if (Arrays.asList(parts[1].split(",")).contains(controller)) {
                v1Path = parts[2];
            }
        }
        for (String line : lines("/proc/self/mountinfo")) {
            List<String> fields = Arrays.asList(line.split(" "));
            int dash = fields.indexOf("-");
            String type = fields.get(dash + 1);
            List<String> options = Arrays.asList(fields.get(dash + 3).split(","));
            String root = fields.get(3);
            String mountPoint = fields.get(4);
            if (v1Path != null && type.equals("cgroup") && options.contains(controller)) {
                return checked(below(mountPoint, root, v1Path), "1");
            }
        }
        for (String line : lines("/proc/self/mountinfo")) {
            List<String> fields = Arrays.asList(line.split(" "));
            int dash = fields.indexOf("-");
            if (v2Path != null && fields.get(dash + 1).equals("cgroup2")) {
                return checked(below(fields.get(4), fields.get(3), v2Path), "2");
            }
        }
        return null;
    }

    private static String below(String mountPoint, String root, String path) {
        String relative = root.equals("/") ? path : path.startsWith(root) ? path.substring(root.length()) : "";
        Path dir = Paths.get(mountPoint + relative);
        return Files.isDirectory(dir) ? dir.toString() : mountPoint;
    }

    private static String[] checked(String dir, String version) {
        List<String> procs = lines(dir + "/cgroup.procs");
        assertTrue(procs.contains(Long.toString(PID)), "this process " + PID + " is not in " + dir + "/cgroup.procs");
        return new String[] {dir, version};
    }

    /** The number a one-number file holds; -1 if there is no such file or it says "max". */
    private static long number(String dir, String file) {
        Path path = Paths.get(dir, file);
        if (!Files.exists(path)) {
            return -1;
        }
        String text = lines(path.toString()).get(0).trim();
        return text.equals("max") ? -1 : Long.parseLong(text);
    }

    /** The value of the "key value" line of a flat-keyed file; -1 if the file or the key is absent. */
    private static long keyed(String dir, String file, String key) {
        Path path = Paths.get(dir, file);
        if (!Files.exists(path)) {
            return -1;
        }
        for (String line : lines(path.toString())) {
            String[] parts = line.split(" ");
            if (parts[0].equals(key)) {
                return Long.parseLong(parts[1]);
            }
        }
        return -1;
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thisMachine_hasACgroupForMemory() {
        assertNotNull(memory, "every Linux with cgroups has a memory controller somewhere");
    }
}
