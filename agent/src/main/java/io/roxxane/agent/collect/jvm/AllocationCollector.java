package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated on the heap in the interval, where the JVM can tell
 * ({@code com.sun.management.ThreadMXBean}, HotSpot and OpenJ9).
 *
 * <p>Java 14+ offers a JVM-wide running total ({@code getTotalThreadAllocatedBytes}), which is
 * exact. Older JVMs only report per live thread: there the delta sums each live thread's
 * increase, so what a thread allocated in the interval before it ended is missed.
 */
public final class AllocationCollector implements Collector {
    private final ThreadMXBean threads;
    private final Method total;
    private final Method perThread;
    private final Deltas totalDelta = new Deltas();
    private Map<Long, Long> previousPerThread;

    public AllocationCollector() throws ReflectiveOperationException {
        this(ManagementFactory.getThreadMXBean());
    }

    public AllocationCollector(ThreadMXBean threads) throws ReflectiveOperationException {
        this.threads = threads;
        Class<?> extended = Class.forName("com.sun.management.ThreadMXBean");
        if (!extended.isInstance(threads)) {
            throw new IllegalStateException("this JVM has no com.sun.management.ThreadMXBean");
        }
        if (!(Boolean) extended.getMethod("isThreadAllocatedMemorySupported").invoke(threads)) {
            throw new IllegalStateException("this JVM does not measure thread allocation");
        }
        if (!(Boolean) extended.getMethod("isThreadAllocatedMemoryEnabled").invoke(threads)) {
            extended.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(threads, true);
        }
        Method totalMethod = null;
        try {
            totalMethod = extended.getMethod("getTotalThreadAllocatedBytes");
        } catch (NoSuchMethodException beforeJava14) {
            // fall back to per-thread sums
        }
        this.total = totalMethod;
        this.perThread = extended.getMethod("getThreadAllocatedBytes", long[].class);
    }

    /** Whether the exact JVM-wide total is used (Java 14+). */
    public boolean exact() {
        return total != null;
    }

    @Override
    public void collect(Sample sample) throws ReflectiveOperationException {
        long delta = total != null ? totalDelta.next((Long) total.invoke(threads)) : perThreadDelta();
        if (delta >= 0) {
            sample.set(Column.JVM_ALLOCATED_BYTES, delta);
        }
    }

    private long perThreadDelta() throws ReflectiveOperationException {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = (long[]) perThread.invoke(threads, (Object) ids);
        Map<Long, Long> current = new HashMap<Long, Long>(ids.length * 2);
        long delta = 0;
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] < 0) {
                continue; // thread ended between the two calls
            }
            current.put(ids[i], bytes[i]);
            Long before = previousPerThread == null ? null : previousPerThread.get(ids[i]);
            delta += before == null ? bytes[i] : Math.max(0, bytes[i] - before);
        }
        boolean first = previousPerThread == null;
        previousPerThread = current;
        return first ? -1 : delta;
    }
}
