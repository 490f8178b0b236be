package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;

/** JVM uptime. */
public final class JvmUptimeCollector implements Collector {
    private final RuntimeMXBean runtime;

    public JvmUptimeCollector() {
        this(ManagementFactory.getRuntimeMXBean());
    }

    public JvmUptimeCollector(RuntimeMXBean runtime) {
        this.runtime = runtime;
    }

    @Override
    public void collect(Sample sample) {
        sample.set(Column.JVM_UPTIME_MS, runtime.getUptime());
    }
}
