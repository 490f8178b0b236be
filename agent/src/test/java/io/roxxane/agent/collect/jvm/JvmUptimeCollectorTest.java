package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.JvmMemoryCollectorTest.assertBetween;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import org.junit.jupiter.api.Test;

class JvmUptimeCollectorTest {
    @Test
    void collect_whenRead_agreesWithRuntimeMXBeanAndStartTime() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        long before = runtime.getUptime();
        long wallBefore = System.currentTimeMillis() - runtime.getStartTime();
        Sample sample = new Sample();
        new JvmUptimeCollector().collect(sample);
        long after = runtime.getUptime();
        long wallAfter = System.currentTimeMillis() - runtime.getStartTime();
        long uptime = sample.getLong(Column.JVM_UPTIME_MS, -1);
        assertBetween(before, after, uptime, "uptime vs RuntimeMXBean");
        assertBetween(wallBefore - 1_000, wallAfter + 1_000, uptime, "uptime vs start time and the clock");
    }
}
