package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.util.Arrays;

/**
 * Platform threads by state: RUNNABLE, BLOCKED, WAITING, TIMED_WAITING.
 *
 * <p>Without a safepoint: the live threads are listed through the root thread group
 * ({@code ThreadGroup.enumerate}, a walk of the groups on 8–18 and the JVM's thread list on 19+)
 * and each one's {@code Thread.getState()} reads a field. {@code ThreadMXBean.getThreadInfo},
 * {@code Thread.getAllStackTraces} and deadlock detection would each stop every application
 * thread (about 3.5 ms with 2,000 threads). Virtual threads belong to no thread group, so they are
 * not counted (the virtual-thread columns speak of them). The array of threads is kept between
 * samples and emptied after each count, so no ended thread is held on to.
 */
public final class ThreadStateCollector implements Collector {
    private static final int INITIAL_CAPACITY = 256;

    private final ThreadGroup root;
    private Thread[] threads = new Thread[INITIAL_CAPACITY];

    public ThreadStateCollector() {
        this(rootGroup());
    }

    /** Counts the threads of {@code group} and its subgroups. */
    public ThreadStateCollector(ThreadGroup group) {
        this.root = group;
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
    public String name() {
        return "jvm-thread-states";
    }

    @Override
    public void collect(Sample sample) {
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2]; // maybe more than fit: list again in a larger array
        }
        int runnable = 0;
        int blocked = 0;
        int waiting = 0;
        int timedWaiting = 0;
        try {
            for (int i = 0; i < n; i++) {
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
                        break; // NEW or TERMINATED between the listing and the read
                }
            }
        } finally {
            Arrays.fill(threads, 0, n, null);
        }
        sample.set(Column.JVM_THREADS_RUNNABLE, runnable)
                .set(Column.JVM_THREADS_BLOCKED, blocked)
                .set(Column.JVM_THREADS_WAITING, waiting)
                .set(Column.JVM_THREADS_TIMED_WAITING, timedWaiting);
    }
}
