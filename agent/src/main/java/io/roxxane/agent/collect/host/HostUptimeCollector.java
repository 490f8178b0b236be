package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;

/** Seconds since the host booted: /proc/uptime on Linux, OSHI elsewhere. */
public final class HostUptimeCollector implements Collector {
    private final OshiFallback oshi;
    private final ProcFile uptime;

    public HostUptimeCollector(OshiFallback oshi) {
        this(oshi, new ProcFile("/proc/uptime", 64));
    }

    HostUptimeCollector(OshiFallback oshi, ProcFile uptime) {
        this.oshi = oshi;
        this.uptime = uptime;
    }

    @Override
    public String name() {
        return "host-uptime";
    }

    @Override
    public void collect(Sample sample) {
        long seconds = uptime.read(64) ? uptime.number(0) : -1;
        if (seconds < 0) {
            seconds = oshi.os().getSystemUptime();
        }
        if (seconds >= 0) {
            sample.set(Column.HOST_UPTIME_S, seconds);
        }
    }
}
