package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Every;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Live, daemon, peak and deadlocked threads. Finding deadlocks is a safepoint operation (it
 * pauses every application thread for a moment), so it runs at most once every
 * {@link #DEADLOCK_CHECK_MILLIS}; the samples in between carry the last count. A deadlock does
 * not resolve itself, so it shows within that time and stays shown.
 */
public final class ThreadCollector implements Collector {
    static final long DEADLOCK_CHECK_MILLIS = 60_000;

    private final ThreadMXBean threads;
    private final Every deadlockCheck;
    private int deadlocked;

    public ThreadCollector() {
        this(ManagementFactory.getThreadMXBean());
    }

    public ThreadCollector(ThreadMXBean threads) {
        this(threads, DEADLOCK_CHECK_MILLIS);
    }

    ThreadCollector(ThreadMXBean threads, long deadlockCheckMillis) {
        this.threads = threads;
        this.deadlockCheck = Every.millis(deadlockCheckMillis);
    }

    @Override
    public void collect(Sample sample) {
        if (deadlockCheck.due()) {
            long[] found = threads.isSynchronizerUsageSupported()
                    ? threads.findDeadlockedThreads() : threads.findMonitorDeadlockedThreads();
            deadlocked = found == null ? 0 : found.length;
        }
        sample.set(Column.JVM_THREADS_LIVE, threads.getThreadCount())
                .set(Column.JVM_THREADS_DAEMON, threads.getDaemonThreadCount())
                .set(Column.JVM_THREADS_PEAK, threads.getPeakThreadCount())
                .set(Column.JVM_THREADS_DEADLOCKED, deadlocked);
    }
}
