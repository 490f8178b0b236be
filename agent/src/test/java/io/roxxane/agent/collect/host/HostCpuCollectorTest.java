package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.CpuBurner;
import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HostCpuCollectorTest {
    private final HostCpuCollector collector =
            new HostCpuCollector(new OshiFallback());

    @Test
    void collect_whenRead_cpuCountIsProcCpuinfoProcessors() {
        Sample sample = new Sample();
        collector.collect(sample);
        assertEquals(ProcFiles.cpuinfoProcessors(), sample.getLong(Column.HOST_CPU_COUNT, -1));
        // Without a cpuset or quota narrowing it, the JVM sees the same CPUs (nproc).
        assertTrue(Runtime.getRuntime().availableProcessors() <= sample.getLong(Column.HOST_CPU_COUNT, -1));
    }

    @Test
    void collect_whenRead_loadAveragesAgreeWithProcLoadavg() {
        double[] before = ProcFiles.loadAverages();
        Sample sample = new Sample();
        collector.collect(sample);
        double[] after = ProcFiles.loadAverages();
        Column[] columns = {Column.HOST_LOAD_1M, Column.HOST_LOAD_5M, Column.HOST_LOAD_15M};
        for (int i = 0; i < 3; i++) {
            double value = (Double) sample.get(columns[i]);
            assertTrue(value >= Math.min(before[i], after[i]) - 0.5 && value <= Math.max(before[i], after[i]) + 0.5,
                    columns[i].columnName() + " " + value + " vs /proc/loadavg " + before[i] + ".." + after[i]);
        }
    }

    @Test
    void collect_whenCpuBurntOnEveryCore_utilisationIsInRangeAndCoversTheBurn() throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Sample first = new Sample();
        long wallStart = System.nanoTime();
        collector.collect(first);
        long processStart = os.getProcessCpuTime();
        assertFalse(first.has(Column.HOST_CPU_UTILIZATION), "the first sample has no interval");

        int cpus = (int) first.getLong(Column.HOST_CPU_COUNT, -1);
        CpuBurner.burnOnThreads(cpus, 300_000_000L);
        long processEnd = os.getProcessCpuTime();
        Sample second = new Sample();
        collector.collect(second);
        long wall = System.nanoTime() - wallStart;

        double utilisation = (Double) second.get(Column.HOST_CPU_UTILIZATION);
        assertTrue(utilisation >= 0 && utilisation <= 1, "utilisation " + utilisation + " in [0, 1]");
        // The host was at least as busy as this process; /proc/stat counts in 10 ms ticks, hence the slack.
        double ourShare = (double) (processEnd - processStart) / wall / cpus;
        assertTrue(utilisation >= ourShare * 0.8 - 0.05,
                "host utilisation " + utilisation + " covers this process's own share " + ourShare);
    }

    private static final Column[] MODES = {Column.HOST_CPU_USER, Column.HOST_CPU_NICE, Column.HOST_CPU_SYSTEM,
        Column.HOST_CPU_IDLE, Column.HOST_CPU_IOWAIT, Column.HOST_CPU_IRQ, Column.HOST_CPU_SOFTIRQ,
        Column.HOST_CPU_STEAL};

    @Test
    void collect_modes_liePerModeWithinWhatProcStatCountedAroundTheInterval() throws Exception {
        long[] s0 = procStatTicks();
        Sample first = new Sample();
        collector.collect(first);
        long[] s1 = procStatTicks();
        for (Column mode : MODES) {
            assertFalse(first.has(mode), "the first sample has no interval: " + mode.columnName());
        }
        CpuBurner.burnOnThreads(2, 200_000_000L); // user time on this host
        long[] s2 = procStatTicks();
        Sample second = new Sample();
        collector.collect(second);
        long[] s3 = procStatTicks();

        // The collector's interval lies between its reads: it covers s1..s2 and lies within s0..s3.
        long innerTotal = total(s1, s2);
        long outerTotal = total(s0, s3);
        double sum = 0;
        for (int i = 0; i < MODES.length; i++) {
            double share = (Double) second.get(MODES[i]);
            double low = (double) (s2[i] - s1[i]) / outerTotal;
            double high = (double) (s3[i] - s0[i]) / innerTotal;
            assertTrue(share >= low - 1e-9 && share <= high + 1e-9,
                    MODES[i].columnName() + " " + share + " outside [" + low + ", " + high + "] from /proc/stat");
            sum += share;
        }
        assertEquals(1.0, sum, 1e-9, "the eight modes are all of the time");
        assertTrue((Double) second.get(Column.HOST_CPU_USER) > 0, "the burn was user time");
        double busy = 1 - (Double) second.get(Column.HOST_CPU_IDLE) - (Double) second.get(Column.HOST_CPU_IOWAIT);
        assertEquals((Double) second.get(Column.HOST_CPU_UTILIZATION), busy, 1e-9, "utilisation is all but idle and iowait");
    }

    /** The first eight counters of /proc/stat's "cpu" line, read independently of ProcFile. */
    private static long[] procStatTicks() {
        String[] f = ProcFiles.lines("/proc/stat").get(0).trim().split("\\s+");
        assertEquals("cpu", f[0]);
        long[] ticks = new long[8];
        for (int i = 0; i < 8; i++) {
            ticks[i] = Long.parseLong(f[i + 1]);
        }
        return ticks;
    }

    private static long total(long[] from, long[] to) {
        long total = 0;
        for (int i = 0; i < from.length; i++) {
            total += to[i] - from[i];
        }
        return total;
    }
}
