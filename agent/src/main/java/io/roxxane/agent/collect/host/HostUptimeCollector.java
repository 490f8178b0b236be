package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.software.os.OperatingSystem;

/** Seconds since the host booted. */
public final class HostUptimeCollector implements Collector {
    private final OperatingSystem os;

    public HostUptimeCollector(OperatingSystem os) {
        this.os = os;
    }

    @Override
    public String name() {
        return "host-uptime";
    }

    @Override
    public void collect(Sample sample) {
        long uptime = os.getSystemUptime();
        if (uptime >= 0) {
            sample.set(Column.HOST_UPTIME_S, uptime);
        }
    }
}
