package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PSI: on the recorded /proc/pressure trees (host/pressure) and on this machine against /proc/pressure read directly. */
class PressureCollectorTest {
    private static final Column[] ALL = {Column.HOST_PRESSURE_CPU_SOME_AVG10, Column.HOST_PRESSURE_CPU_SOME_STALL_US,
        Column.HOST_PRESSURE_MEMORY_SOME_AVG10, Column.HOST_PRESSURE_MEMORY_FULL_AVG10,
        Column.HOST_PRESSURE_MEMORY_SOME_STALL_US, Column.HOST_PRESSURE_MEMORY_FULL_STALL_US,
        Column.HOST_PRESSURE_IO_SOME_AVG10, Column.HOST_PRESSURE_IO_FULL_AVG10, Column.HOST_PRESSURE_IO_SOME_STALL_US,
        Column.HOST_PRESSURE_IO_FULL_STALL_US};

    @TempDir
    Path dir;

    @Test
    void collect_recordedFiles_averagesAtOnceAndStallTimeFromTheSecondSample() {
        Path pressure = Fixtures.copy("pressure/linux-6.1", dir);
        PressureCollector collector = new PressureCollector(pressure.toFile());
        assertTrue(collector.available());
        Sample first = new Sample();
        collector.collect(first);
        assertEquals(82.98, (Double) first.get(Column.HOST_PRESSURE_CPU_SOME_AVG10), 1e-9);
        assertEquals(0.25, (Double) first.get(Column.HOST_PRESSURE_MEMORY_SOME_AVG10), 1e-9);
        assertEquals(0.10, (Double) first.get(Column.HOST_PRESSURE_MEMORY_FULL_AVG10), 1e-9);
        assertEquals(3.41, (Double) first.get(Column.HOST_PRESSURE_IO_SOME_AVG10), 1e-9);
        assertEquals(2.05, (Double) first.get(Column.HOST_PRESSURE_IO_FULL_AVG10), 1e-9);
        for (Column stall : new Column[] {Column.HOST_PRESSURE_CPU_SOME_STALL_US, Column.HOST_PRESSURE_MEMORY_SOME_STALL_US,
            Column.HOST_PRESSURE_MEMORY_FULL_STALL_US, Column.HOST_PRESSURE_IO_SOME_STALL_US,
            Column.HOST_PRESSURE_IO_FULL_STALL_US}) {
            assertFalse(first.has(stall), "the first sample has no interval: " + stall.columnName());
        }

        Fixtures.rewrite(pressure.resolve("cpu"), "some avg10=80.00 avg60=54.05 avg300=62.84 total=1791405751\n"
                + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        Fixtures.rewrite(pressure.resolve("memory"), "some avg10=0.30 avg60=0.03 avg300=0.14 total=10375273\n"
                + "full avg10=0.00 avg60=0.01 avg300=0.01 total=2621810\n");
        Fixtures.rewrite(pressure.resolve("io"), "some avg10=3.41 avg60=1.20 avg300=0.50 total=98865432\n"
                + "full avg10=2.05 avg60=0.90 avg300=0.31 total=45688901\n");
        Sample second = new Sample();
        collector.collect(second);
        assertEquals(80.0, (Double) second.get(Column.HOST_PRESSURE_CPU_SOME_AVG10), 1e-9);
        assertEquals(800_000L, second.getLong(Column.HOST_PRESSURE_CPU_SOME_STALL_US, -1));
        assertEquals(1_000L, second.getLong(Column.HOST_PRESSURE_MEMORY_SOME_STALL_US, -1));
        assertEquals(0L, second.getLong(Column.HOST_PRESSURE_MEMORY_FULL_STALL_US, -1), "no stall is 0, not null");
        assertEquals(0.0, (Double) second.get(Column.HOST_PRESSURE_MEMORY_FULL_AVG10), 1e-9);
        assertEquals(100_000L, second.getLong(Column.HOST_PRESSURE_IO_SOME_STALL_US, -1));
        assertEquals(10_000L, second.getLong(Column.HOST_PRESSURE_IO_FULL_STALL_US, -1));
    }

    @Test
    void collect_kernelWithoutCpuFullLine_fillsTheRest() {
        PressureCollector collector = new PressureCollector(Fixtures.path("pressure/linux-5.4").toFile());
        Sample first = new Sample();
        collector.collect(first);
        Sample second = new Sample();
        collector.collect(second);
        assertEquals(12.5, (Double) second.get(Column.HOST_PRESSURE_CPU_SOME_AVG10), 1e-9);
        assertEquals(0L, second.getLong(Column.HOST_PRESSURE_CPU_SOME_STALL_US, -1), "unchanged file: no stall");
        assertEquals(0.10, (Double) second.get(Column.HOST_PRESSURE_MEMORY_FULL_AVG10), 1e-9);
    }

    @Test
    void collect_withoutProcPressure_leavesEveryColumnNull() {
        PressureCollector collector = new PressureCollector(dir.resolve("absent").toFile());
        assertFalse(collector.available());
        for (int i = 0; i < 2; i++) {
            Sample sample = new Sample();
            collector.collect(sample);
            for (Column column : ALL) {
                assertFalse(sample.has(column), column.columnName());
            }
        }
    }

    @Test
    void collect_countersGoingBackOrGarbled_giveNoStallForThatInterval() {
        Path pressure = Fixtures.copy("pressure/linux-6.1", dir);
        PressureCollector collector = new PressureCollector(pressure.toFile());
        collector.collect(new Sample());
        Fixtures.rewrite(pressure.resolve("io"), "some avg10=3.41 avg60=1.20 avg300=0.50 total=5\nfull garbled\n");
        Sample second = new Sample();
        collector.collect(second);
        assertFalse(second.has(Column.HOST_PRESSURE_IO_SOME_STALL_US), "went back");
        assertFalse(second.has(Column.HOST_PRESSURE_IO_FULL_STALL_US), "no total");
        assertFalse(second.has(Column.HOST_PRESSURE_IO_FULL_AVG10), "no avg10");
        assertEquals(3.41, (Double) second.get(Column.HOST_PRESSURE_IO_SOME_AVG10), 1e-9);
    }

    @Test
    void collect_onThisMachine_agreesWithProcPressure() throws Exception {
        File proc = new File("/proc/pressure");
        PressureCollector collector = new PressureCollector();
        assertEquals(new File(proc, "cpu").canRead() && new File(proc, "memory").canRead()
                && new File(proc, "io").canRead(), collector.available());
        if (!collector.available()) {
            Sample sample = new Sample();
            collector.collect(sample);
            for (Column column : ALL) {
                assertFalse(sample.has(column), "no /proc/pressure here: " + column.columnName());
            }
            return;
        }
        String[] resources = {"cpu", "memory", "memory", "io", "io"};
        String[] lines = {"some", "some", "full", "some", "full"};
        Column[] averages = {Column.HOST_PRESSURE_CPU_SOME_AVG10, Column.HOST_PRESSURE_MEMORY_SOME_AVG10,
            Column.HOST_PRESSURE_MEMORY_FULL_AVG10, Column.HOST_PRESSURE_IO_SOME_AVG10, Column.HOST_PRESSURE_IO_FULL_AVG10};
        Column[] stalls = {Column.HOST_PRESSURE_CPU_SOME_STALL_US, Column.HOST_PRESSURE_MEMORY_SOME_STALL_US,
            Column.HOST_PRESSURE_MEMORY_FULL_STALL_US, Column.HOST_PRESSURE_IO_SOME_STALL_US,
            Column.HOST_PRESSURE_IO_FULL_STALL_US};
        double[][] t0 = psi(resources, lines);
        collector.collect(new Sample());
        double[][] t1 = psi(resources, lines);
        Thread.sleep(200);
        double[][] t2 = psi(resources, lines);
        Sample second = new Sample();
        collector.collect(second);
        double[][] t3 = psi(resources, lines);
        for (int i = 0; i < resources.length; i++) {
            String what = resources[i] + " " + lines[i];
            double average = (Double) second.get(averages[i]);
            assertTrue(average == t2[i][0] || average == t3[i][0],
                    what + " avg10 " + average + " is what /proc/pressure said just before or after: " + t2[i][0] + ", "
                            + t3[i][0]);
            long stall = second.getLong(stalls[i], -1);
            assertTrue(stall >= t2[i][1] - t1[i][1] && stall <= t3[i][1] - t0[i][1],
                    what + " stall " + stall + " us outside [" + (t2[i][1] - t1[i][1]) + ", " + (t3[i][1] - t0[i][1]) + "]");
        }
    }

    /** avg10 and total of each resource's line, read without the collector's code. */
    private static double[][] psi(String[] resources, String[] lines) {
        double[][] values = new double[resources.length][];
        for (int i = 0; i < resources.length; i++) {
            List<String> file = ProcFiles.lines("/proc/pressure/" + resources[i]);
            for (String line : file) {
                if (line.startsWith(lines[i] + " ")) {
                    String avg10 = line.replaceAll(".* avg10=([0-9.]+) .*", "$1");
                    String total = line.replaceAll(".* total=([0-9]+).*", "$1");
                    values[i] = new double[] {Double.parseDouble(avg10), Double.parseDouble(total)};
                }
            }
        }
        return values;
    }
}
