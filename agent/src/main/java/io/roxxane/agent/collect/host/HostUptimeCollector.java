package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Every;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;

/**
 * Seconds since the host booted: /proc/uptime on Linux, OSHI elsewhere. /proc/uptime is read at
 * most every {@link #REREAD_MS}; in between, the uptime is the last reading plus the time
 * elapsed on the JVM's monotonic clock (the two clocks part only while the host is suspended, and
 * the next reading puts that right).
 */
public final class HostUptimeCollector implements Collector {
    static final long REREAD_MS = 60_000L;

    private final OshiFallback oshi;
    private final ProcFile uptime;
    /** {@link System#nanoTime()} at boot, as the last reading of /proc/uptime places it. */
    private long bootNanos;
    private final Every reread = Every.millis(REREAD_MS);
    private boolean read;

    public HostUptimeCollector(OshiFallback oshi) {
        this(oshi, new ProcFile("/proc/uptime", 64));
    }

    HostUptimeCollector(OshiFallback oshi, ProcFile uptime) {
        this.oshi = oshi;
        this.uptime = uptime;
    }

    @Override
    public void collect(Sample sample) {
        long now = System.nanoTime();
        if (reread.due() || !read) {
            double seconds = uptime.read(64) ? uptime.decimal(0) : Double.NaN;
            read = !Double.isNaN(seconds);
            bootNanos = now - (long) (seconds * 1e9);
        }
        long seconds = read ? (now - bootNanos) / 1_000_000_000L : oshi.os().getSystemUptime();
        if (seconds >= 0) {
            sample.set(Column.HOST_UPTIME_S, seconds);
        }
    }
}
