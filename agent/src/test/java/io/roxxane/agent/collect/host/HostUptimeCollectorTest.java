package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import org.junit.jupiter.api.Test;

class HostUptimeCollectorTest {
    @Test
    void collect_whenRead_agreesWithProcUptime() {
        double before = ProcFiles.uptimeSeconds();
        Sample sample = new Sample();
        new HostUptimeCollector(new OshiFallback()).collect(sample);
        double after = ProcFiles.uptimeSeconds();
        long uptime = sample.getLong(Column.HOST_UPTIME_S, -1);
        assertTrue(uptime >= before - 2 && uptime <= after + 2, uptime + " s vs /proc/uptime " + before + ".." + after);
    }
}
