package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.reflect.Method;

/**
 * This JVM's CPU time and utilisation and its file descriptors, from
 * {@code com.sun.management.OperatingSystemMXBean} (and its Unix variant for descriptors).
 */
public final class ProcessCollector implements Collector {
    private final OperatingSystemMXBean os;
    private final Method cpuTime;
    private final Method openFds;
    private final Method maxFds;
    private final Deltas cpuNanos = new Deltas();
    private final Deltas wallNanos = new Deltas();
    /** Containers make the processor count a read of cgroup files: refreshed once a minute, not per sample. */
    private static final long CPUS_REFRESH_NANOS = 60_000_000_000L;
    private int cpus;
    private long cpusReadAtNanos;

    public ProcessCollector() throws ReflectiveOperationException {
        this(ManagementFactory.getOperatingSystemMXBean());
    }

    public ProcessCollector(OperatingSystemMXBean os) throws ReflectiveOperationException {
        this.os = os;
        Class<?> extended = Class.forName("com.sun.management.OperatingSystemMXBean");
        if (!extended.isInstance(os)) {
            throw new IllegalStateException("this JVM has no com.sun.management.OperatingSystemMXBean");
        }
        this.cpuTime = extended.getMethod("getProcessCpuTime");
        Class<?> unix = null;
        try {
            unix = Class.forName("com.sun.management.UnixOperatingSystemMXBean");
        } catch (ClassNotFoundException notUnix) {
            // Windows: no descriptor counts
        }
        boolean hasFds = unix != null && unix.isInstance(os);
        this.openFds = hasFds ? unix.getMethod("getOpenFileDescriptorCount") : null;
        this.maxFds = hasFds ? unix.getMethod("getMaxFileDescriptorCount") : null;
    }

    private int availableProcessors() {
        long now = System.nanoTime();
        if (cpus == 0 || now - cpusReadAtNanos >= CPUS_REFRESH_NANOS) {
            cpus = Math.max(1, os.getAvailableProcessors());
            cpusReadAtNanos = now;
        }
        return cpus;
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public void collect(Sample sample) throws ReflectiveOperationException {
        long cpu = (Long) cpuTime.invoke(os);
        long cpuDelta = cpu >= 0 ? cpuNanos.next(cpu) : -1;
        long wallDelta = wallNanos.next(System.nanoTime());
        if (cpuDelta >= 0 && wallDelta > 0) {
            int cpus = availableProcessors();
            sample.set(Column.PROCESS_CPU_TIME_MS, cpuDelta / 1_000_000L)
                    .set(Column.PROCESS_CPU_UTILIZATION, Math.min(1.0, (double) cpuDelta / wallDelta / cpus));
        }
        if (openFds != null) {
            sample.set(Column.PROCESS_OPEN_FDS, (Long) openFds.invoke(os))
                    .set(Column.PROCESS_MAX_FDS, (Long) maxFds.invoke(os));
        }
    }
}
