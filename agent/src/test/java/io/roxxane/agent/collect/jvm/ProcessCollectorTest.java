package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.JvmMemoryCollectorTest.assertBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.CpuBurner;
import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCollectorTest {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path dir;

    @Test
    void collect_whenKnownCpuBurnt_cpuTimeAndUtilisationAgreeWithTheMXBeans() throws Exception {
        ProcessCollector collector = new ProcessCollector();
        long processBefore = os.getProcessCpuTime();
        long wallOuterStart = System.nanoTime();
        Sample first = new Sample();
        collector.collect(first);
        long wallStart = System.nanoTime();
        assertFalse(first.has(Column.PROCESS_CPU_TIME_MS), "the first sample has no interval");

        long burnt = CpuBurner.burnThreadCpu(300_000_000L);
        long wallEnd = System.nanoTime();
        Sample second = new Sample();
        collector.collect(second);
        long wallOuterEnd = System.nanoTime();
        long processAfter = os.getProcessCpuTime();

        long cpuMs = second.getLong(Column.PROCESS_CPU_TIME_MS, -1);
        assertBetween(burnt / 1_000_000L, (processAfter - processBefore) / 1_000_000L + 1, cpuMs,
                "process CPU ms vs this thread's burn and the OperatingSystemMXBean");
        double utilisation = (Double) second.get(Column.PROCESS_CPU_UTILIZATION);
        int cpus = os.getAvailableProcessors();
        // The collector's interval holds [wallStart, wallEnd]: utilisation is bounded by the CPU measured.
        double highest = Math.min(1.0, (double) (processAfter - processBefore) / (wallEnd - wallStart) / cpus);
        assertTrue(utilisation > 0 && utilisation <= highest + 1e-9, utilisation + " in (0, " + highest + "]");
        // ... and from below by this thread's burn over a wall time that holds the collector's interval.
        double lowest = Math.min(1.0, (double) burnt / (wallOuterEnd - wallOuterStart) / cpus);
        assertTrue(utilisation >= lowest - 1e-9, utilisation + " >= " + lowest);
    }

    @Test
    void collect_whenFilesOpened_openFdsAgreeWithProcSelfFd() throws Exception {
        ProcessCollector collector = new ProcessCollector();
        Sample before = new Sample();
        collector.collect(before);
        assertBetween(ProcFiles.openFdCount() - 3, ProcFiles.openFdCount() + 3,
                before.getLong(Column.PROCESS_OPEN_FDS, -1), "open fds vs /proc/self/fd");

        Path file = Files.write(dir.resolve("f"), new byte[] {1});
        List<FileInputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                open.add(new FileInputStream(file.toFile()));
            }
            Sample during = new Sample();
            for (int i = 0; i < ProcessCollector.FDS_EVERY; i++) { // counted again at the latest every FDS_EVERY samples
                during = new Sample();
                collector.collect(during);
            }
            long fds = during.getLong(Column.PROCESS_OPEN_FDS, -1);
            assertBetween(ProcFiles.openFdCount() - 3, ProcFiles.openFdCount() + 3, fds, "open fds vs /proc/self/fd");
            assertBetween(before.getLong(Column.PROCESS_OPEN_FDS, -1) + 17,
                    before.getLong(Column.PROCESS_OPEN_FDS, -1) + 23, fds, "20 files more");
        } finally {
            for (FileInputStream in : open) {
                in.close();
            }
        }
    }

    @Test
    void collect_whenRead_maxFdsIsThisProcessSoftLimit() throws Exception {
        Sample sample = new Sample();
        new ProcessCollector().collect(sample);
        assertEquals(ProcFiles.maxOpenFilesSoft(), sample.getLong(Column.PROCESS_MAX_FDS, -1));
    }

    @Test
    void constructor_whenNoExtendedOperatingSystemBean_refusesToStart() {
        OperatingSystemMXBean plain = (OperatingSystemMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OperatingSystemMXBean.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        assertThrows(IllegalStateException.class, () -> new ProcessCollector(plain));
    }
}
