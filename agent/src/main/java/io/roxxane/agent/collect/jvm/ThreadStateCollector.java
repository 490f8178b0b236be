package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Platform threads by state: RUNNABLE, BLOCKED, WAITING, TIMED_WAITING.
 *
 * <p>Without a safepoint: the live threads are listed through the root thread group
 * ({@code ThreadGroup.enumerate}, a walk of the groups on 8–18 and the JVM's thread list on 19+)
 * and each one's {@code Thread.getState()} reads a field. {@code ThreadMXBean.getThreadInfo},
 * {@code Thread.getAllStackTraces} and deadlock detection would each stop every application
 * thread (about 3.5 ms with 2,000 threads). Virtual threads belong to no thread group, so they are
 * not counted (the virtual-thread columns speak of them).
 *
 * <p>The list is made again only when a platform thread has started or ended since the last one
 * (ThreadMXBean's started and live counts, two counters): listing costs more than reading the
 * states, most of all on 19+ with many threads. So the collector holds the live threads between
 * samples, and lets go of an ended one at the next sample; it lets go of all if it fails.
 */
public final class ThreadStateCollector implements Collector {
    private static final int INITIAL_CAPACITY = 256;

    private final ThreadGroup root;
    private final ThreadMXBean counters;
    private Thread[] threads = new Thread[INITIAL_CAPACITY];
    /** How many of {@link #threads} are listed; -1 before the first list. */
    private int listed = -1;
    private long startedAtList;
    private int liveAtList;

    public ThreadStateCollector() {
        this(rootGroup(), ManagementFactory.getThreadMXBean());
    }

    /** Counts the threads of {@code group} and its subgroups, listed again when {@code counters} change. */
    public ThreadStateCollector(ThreadGroup group, ThreadMXBean counters) {
        this.root = group;
        this.counters = counters;
    }

    static ThreadGroup rootGroup() {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        if (group == null) {
            throw new IllegalStateException("the current thread has ended");
        }
        for (ThreadGroup parent = group.getParent(); parent != null; parent = parent.getParent()) {
            group = parent;
        }
        return group;
    }

    @Override
    public void collect(Sample sample) {
        int runnable = 0;
        int blocked = 0;
        int waiting = 0;
        int timedWaiting = 0;
        try {
            // read before listing: a thread that starts or ends after this read shows next time
            long started = counters.getTotalStartedThreadCount();
            int live = counters.getThreadCount();
            if (listed < 0 || started != startedAtList || live != liveAtList) {
                list();
                startedAtList = started;
                liveAtList = live;
            }
            for (int i = 0; i < listed; i++) {
                switch (threads[i].getState()) {
                    case RUNNABLE:
                        runnable++;
                        break;
                    case BLOCKED:
                        blocked++;
                        break;
                    case WAITING:
                        waiting++;
                        break;
                    case TIMED_WAITING:
                        timedWaiting++;
                        break;
                    default:
                        break; // ended since the list: let go of at the next list
                }
            }
        } catch (RuntimeException | Error e) {
            forget();
            throw e;
        }
        sample.set(Column.JVM_THREADS_RUNNABLE, runnable)
                .set(Column.JVM_THREADS_BLOCKED, blocked)
                .set(Column.JVM_THREADS_WAITING, waiting)
                .set(Column.JVM_THREADS_TIMED_WAITING, timedWaiting);
    }

    private void list() {
        forget();
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            Arrays.fill(threads, null);
            threads = new Thread[threads.length * 2]; // maybe more than fit: list again in a larger array
        }
        listed = n;
    }

    private void forget() {
        if (listed > 0) {
            Arrays.fill(threads, 0, listed, null);
        }
        listed = -1;
    }
}
