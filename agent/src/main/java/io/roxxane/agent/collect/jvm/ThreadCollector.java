package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Live, daemon, peak and deadlocked threads. */
public final class ThreadCollector implements Collector {
    private final ThreadMXBean threads;

    public ThreadCollector() {
        this(ManagementFactory.getThreadMXBean());
    }

    public ThreadCollector(ThreadMXBean threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "jvm-threads";
    }

    @Override
    public void collect(Sample sample) {
        long[] deadlocked = threads.isSynchronizerUsageSupported()
                ? threads.findDeadlockedThreads() : threads.findMonitorDeadlockedThreads();
        sample.set(Column.JVM_THREADS_LIVE, threads.getThreadCount())
                .set(Column.JVM_THREADS_DAEMON, threads.getDaemonThreadCount())
                .set(Column.JVM_THREADS_PEAK, threads.getPeakThreadCount())
                .set(Column.JVM_THREADS_DEADLOCKED, deadlocked == null ? 0 : deadlocked.length);
    }
}
