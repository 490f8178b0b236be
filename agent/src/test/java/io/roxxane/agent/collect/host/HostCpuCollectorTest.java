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
}
