package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostUptimeCollectorTest {
    @Test
    void collect_whenRead_agreesWithProcUptime() throws Exception {
        HostUptimeCollector collector = new HostUptimeCollector(new OshiFallback());
        for (int i = 0; i < 2; i++) { // read from /proc/uptime, then carried on the monotonic clock
            double before = ProcFiles.uptimeSeconds();
            Sample sample = new Sample();
            collector.collect(sample);
            double after = ProcFiles.uptimeSeconds();
            long uptime = sample.getLong(Column.HOST_UPTIME_S, -1);
            assertTrue(uptime >= before - 2 && uptime <= after + 2, uptime + " s vs /proc/uptime " + before + ".." + after);
            Thread.sleep(1_100);
        }
    }

    @Test
    void collect_betweenReadings_addsTheElapsedTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("uptime");
        Files.writeString(file, "3580.99 7000.12\n");
        OshiFallback oshi = new OshiFallback();
        HostUptimeCollector collector = new HostUptimeCollector(oshi, new ProcFile(file.toString(), 64));
        Sample first = new Sample();
        collector.collect(first);
        assertEquals(3580L, first.getLong(Column.HOST_UPTIME_S, -1));
        Files.writeString(file, "1.00 1.00\n"); // not read again before a minute
        Thread.sleep(1_100);
        Sample second = new Sample();
        collector.collect(second);
        assertEquals(3582L, second.getLong(Column.HOST_UPTIME_S, -1), "3580.99 s plus 1.1 s");
        assertTrue(!oshi.isBuilt());
    }
}
