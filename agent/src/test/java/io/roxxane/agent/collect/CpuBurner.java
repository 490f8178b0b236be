package io.roxxane.agent.collect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Burns a known amount of CPU on the calling thread, measured by the thread's own CPU clock. */
public final class CpuBurner {
    private static volatile long sink;

    private CpuBurner() {
    }

    /** Spins until this thread has used at least {@code nanos} of CPU; returns the CPU nanos used. */
    public static long burnThreadCpu(long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long used;
        long x = 1;
        do {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink = x;
            used = threads.getCurrentThreadCpuTime() - start;
        } while (used < nanos);
        return used;
    }

    /** Burns {@code nanos} of CPU on each of {@code count} threads at once; returns the total used. */
    public static long burnOnThreads(int count, long nanos) throws InterruptedException {
        long[] used = new long[count];
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            threads[i] = new Thread(() -> used[index] = burnThreadCpu(nanos), "burner-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            threads[i].join();
            total += used[i];
        }
        return total;
    }
}
