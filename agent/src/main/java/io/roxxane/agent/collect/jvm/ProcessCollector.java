package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.collect.Every;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * This JVM's CPU time and utilisation and its file descriptors, from
 * {@code com.sun.management.OperatingSystemMXBean} (and its Unix variant for descriptors), called
 * directly: a reflective call cost about as much as the figure itself at one sample a second.
 * A JVM without those interfaces cannot load this class, and the collector is left out.
 */
public final class ProcessCollector implements Collector {
    /** Containers make the processor count a read of cgroup files: refreshed once a minute, not per sample. */
    private static final long REFRESH_MS = 60_000L;

    private final com.sun.management.OperatingSystemMXBean os;
    /** Null on Windows: no descriptor counts. */
    private final com.sun.management.UnixOperatingSystemMXBean unix;
    private final Deltas cpuNanos = new Deltas();
    private final Deltas wallNanos = new Deltas();
    private int cpus;
    /** The descriptor limit changes only by prlimit or setrlimit: refreshed once a minute too. */
    private long maxFds;
    private final Every reread = Every.millis(REFRESH_MS);
    /**
     * Open descriptors are counted by listing /proc/self/fd, which costs more the more are open
     * (about 50 µs of a sample's CPU at one sample a second): counted every {@value #FDS_EVERY}
     * samples while under half the limit, every sample above it, where a leak nears the limit.
     */
    static final int FDS_EVERY = 10;
    private long openFds = -1;
    private int samplesSinceFds;

    public ProcessCollector() {
        this(ManagementFactory.getOperatingSystemMXBean());
    }

    public ProcessCollector(OperatingSystemMXBean os) {
        if (!(os instanceof com.sun.management.OperatingSystemMXBean)) {
            throw new IllegalStateException("this JVM has no com.sun.management.OperatingSystemMXBean");
        }
        this.os = (com.sun.management.OperatingSystemMXBean) os;
        this.unix = os instanceof com.sun.management.UnixOperatingSystemMXBean
                ? (com.sun.management.UnixOperatingSystemMXBean) os : null;
    }

    private void refresh() {
        if (reread.due()) {
            cpus = Math.max(1, os.getAvailableProcessors());
            maxFds = unix == null ? -1 : unix.getMaxFileDescriptorCount();
        }
    }

    @Override
    public void collect(Sample sample) {
        refresh();
        long cpu = os.getProcessCpuTime();
        long cpuDelta = cpu >= 0 ? cpuNanos.next(cpu) : -1;
        long wallDelta = wallNanos.next(System.nanoTime());
        if (cpuDelta >= 0 && wallDelta > 0) {
            sample.set(Column.PROCESS_CPU_TIME_MS, cpuDelta / 1_000_000L)
                    .set(Column.PROCESS_CPU_UTILIZATION, Math.min(1.0, (double) cpuDelta / wallDelta / cpus));
        }
        if (unix != null) {
            boolean high = maxFds > 0 && openFds * 2 >= maxFds;
            if (openFds < 0 || high || ++samplesSinceFds >= FDS_EVERY) {
                openFds = unix.getOpenFileDescriptorCount();
                samplesSinceFds = 0;
            }
            sample.set(Column.PROCESS_OPEN_FDS, openFds).set(Column.PROCESS_MAX_FDS, maxFds);
        }
    }
}
