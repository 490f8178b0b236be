package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.collect.host.net.NetworkCollector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host collectors read /proc directly on Linux; where a file is missing (another OS, no
 * /proc) or garbled, they fall back to OSHI; and their arithmetic on recorded file contents.
 */
class ProcFallbackTest {
    @TempDir
    Path dir;

    private static double getDouble(Sample sample, Column column) {
        Object value = sample.get(column);
        return value instanceof Double ? (Double) value : -1;
    }

    private ProcFile missing() {
        return new ProcFile(dir.resolve("missing").toString(), 64);
    }

    private ProcFile recorded(String name, String content) throws Exception {
        return new ProcFile(Files.writeString(dir.resolve(name), content).toString(), 64);
    }

    @Test
    void collect_whenProcFilesMissing_fallsBackToOshi() {
        Sample sample = new Sample();
        OshiFallback oshi = new OshiFallback();
        new HostMemoryCollector(oshi, missing()).collect(sample);
        new HostUptimeCollector(oshi, missing()).collect(sample);
        new ProcessMemoryCollector(oshi, 4096, missing(), missing()).collect(sample);
        HostCpuCollector cpu = new HostCpuCollector(oshi, missing(), missing(), missing());
        cpu.collect(sample);
        cpu.collect(sample);

        assertTrue(oshi.isBuilt());
        assertTrue(sample.getLong(Column.HOST_MEMORY_TOTAL_BYTES, -1) > 0);
        assertTrue(sample.getLong(Column.HOST_UPTIME_S, -1) > 0);
        assertTrue(sample.getLong(Column.PROCESS_RSS_BYTES, -1) > 0);
        assertTrue(getDouble(sample, Column.HOST_LOAD_1M) >= 0);
        assertTrue(getDouble(sample, Column.HOST_CPU_UTILIZATION) >= 0);
        assertEquals(oshi.hardware().getProcessor().getLogicalProcessorCount(), sample.getLong(Column.HOST_CPU_COUNT, -1));
    }

    @Test
    void collect_whenProcFilesReadable_neverBuildsOshi() throws Exception {
        OshiFallback oshi = new OshiFallback();
        Sample sample = new Sample();
        HostCpuCollector cpu = new HostCpuCollector(oshi);
        cpu.collect(sample);
        cpu.collect(sample);
        new HostMemoryCollector(oshi).collect(sample);
        new HostUptimeCollector(oshi).collect(sample);
        new ProcessMemoryCollector(oshi).collect(sample);
        NetworkCollector network = new NetworkCollector(oshi);
        network.collect(sample);
        network.collect(sample);
        DiskCollector disk = new DiskCollector(oshi);
        disk.collect(sample);
        disk.collect(sample);

        assertFalse(oshi.isBuilt(), "OSHI was built although every /proc and /sys file could be read");
        for (Column column : new Column[] {Column.HOST_CPU_COUNT, Column.HOST_MEMORY_TOTAL_BYTES, Column.HOST_UPTIME_S,
            Column.PROCESS_RSS_BYTES, Column.HOST_NET_RX_BYTES, Column.HOST_DISK_READS}) {
            assertTrue(sample.has(column), column.columnName());
        }
    }

    @Test
    void cpusInList_countsEveryRangeAndSingleCpu() throws Exception {
        assertEquals(1, HostCpuCollector.cpusInList(read("0\n")));
        assertEquals(4, HostCpuCollector.cpusInList(read("0-3\n")));
        assertEquals(7, HostCpuCollector.cpusInList(read("0-3,8,10-11\n")));
        assertEquals(-1, HostCpuCollector.cpusInList(read("\n")));
        assertEquals(-1, HostCpuCollector.cpusInList(read("3-1\n")));
        assertEquals(-1, HostCpuCollector.cpusInList(read("0-3;5\n")));
        assertEquals(-1, HostCpuCollector.cpusInList(read("x\n")));
    }

    private ProcFile read(String content) throws Exception {
        ProcFile file = recorded("cpulist", content);
        assertTrue(file.read());
        return file;
    }

    @Test
    void collect_onRecordedFiles_computesWhatTheKernelSays() throws Exception {
        Sample sample = new Sample();
        OshiFallback oshi = new OshiFallback();
        new HostMemoryCollector(oshi, recorded("meminfo",
                "MemTotal:        1000 kB\nMemFree:          100 kB\nMemAvailable:     400 kB\nSwapTotal:        300 kB\n"
                        + "SwapFree:         200 kB\n")).collect(sample);
        new HostUptimeCollector(oshi, recorded("uptime", "3580.99 7000.12\n")).collect(sample);
        new ProcessMemoryCollector(oshi, -1, recorded("statm", "9000 7 3 1 0 500 0\n"),
                recorded("status", "Name:\tjava\nVmHWM:\t  900 kB\nVmRSS:\t  812 kB\n")).collect(sample);
        assertEquals(1000 * 1024L, sample.getLong(Column.HOST_MEMORY_TOTAL_BYTES, -1));
        assertEquals(400 * 1024L, sample.getLong(Column.HOST_MEMORY_AVAILABLE_BYTES, -1));
        assertEquals(300 * 1024L, sample.getLong(Column.HOST_SWAP_TOTAL_BYTES, -1));
        assertEquals(100 * 1024L, sample.getLong(Column.HOST_SWAP_USED_BYTES, -1));
        assertEquals(3580, sample.getLong(Column.HOST_UPTIME_S, -1));
        assertEquals(812 * 1024L, sample.getLong(Column.PROCESS_RSS_BYTES, -1), "no page size: VmRSS");
        Sample withPageSize = new Sample();
        new ProcessMemoryCollector(oshi, 16_384, recorded("statm2", "9000 7 3 1 0 500 0\n"), missing())
                .collect(withPageSize);
        assertEquals(7 * 16_384L, withPageSize.getLong(Column.PROCESS_RSS_BYTES, -1), "resident pages times the page size");
        assertFalse(oshi.isBuilt());
    }

    @Test
    void collect_onTwoRecordedStatFiles_utilisationIsBusyOverAllTicks() throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 50 0 50 400 0 0 0 0 0 0\nintr 1 2 3\n");
        HostCpuCollector cpu = new HostCpuCollector(new OshiFallback(), new ProcFile(stat.toString(), 64),
                recorded("loadavg", "1.50 0.75 0.25 2/300 12345\n"), recorded("online", "0-5\n"));
        Sample first = new Sample();
        cpu.collect(first);
        assertEquals(-1, getDouble(first, Column.HOST_CPU_UTILIZATION), "no interval yet");
        assertEquals(6, first.getLong(Column.HOST_CPU_COUNT, -1));
        // +300 user, +100 system, +500 idle, +100 iowait: busy 400 of 1000 ticks
        Files.writeString(stat, "cpu  400 0 200 1300 100 0 0 0 0 0\ncpu0 50 0 50 400 0 0 0 0 0 0\n");
        Sample second = new Sample();
        cpu.collect(second);
        assertEquals(0.4, getDouble(second, Column.HOST_CPU_UTILIZATION), 1e-9);
        assertEquals(1.5, getDouble(second, Column.HOST_LOAD_1M), 1e-9);
        assertEquals(0.75, getDouble(second, Column.HOST_LOAD_5M), 1e-9);
        assertEquals(0.25, getDouble(second, Column.HOST_LOAD_15M), 1e-9);

        // No tick since the last sample: nothing measured; the next sample measures from the old baseline.
        Sample third = new Sample();
        cpu.collect(third);
        assertEquals(-1, getDouble(third, Column.HOST_CPU_UTILIZATION));
        Files.writeString(stat, "cpu  400 0 300 1400 100 0 0 0 0 0\n"); // +100 system, +100 idle
        Sample fourth = new Sample();
        cpu.collect(fourth);
        assertEquals(0.5, getDouble(fourth, Column.HOST_CPU_UTILIZATION), 1e-9);
    }
}
