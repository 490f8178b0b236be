package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.JvmMemoryCollectorTest.assertBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class ThreadCollectorTest {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void collect_whenNThreadsStarted_liveAndDaemonRiseByN() throws Exception {
        int n = 6;
        ThreadCollector collector = new ThreadCollector();
        Sample before = collect(collector);
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> parked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                started.countDown();
                awaitQuietly(release);
            }, "parked-" + i);
            t.setDaemon(true);
            t.start();
            parked.add(t);
        }
        try {
            assertTrue(started.await(30, TimeUnit.SECONDS));
            Sample during = collect(collector);
            long live = during.getLong(Column.JVM_THREADS_LIVE, -1);
            // Other JVM threads may come or go meanwhile (compiler, cleaner): a small margin.
            assertBetween(before.getLong(Column.JVM_THREADS_LIVE, -1) + n - 1,
                    before.getLong(Column.JVM_THREADS_LIVE, -1) + n + 2, live, "live threads");
            assertBetween(before.getLong(Column.JVM_THREADS_DAEMON, -1) + n - 1,
                    before.getLong(Column.JVM_THREADS_DAEMON, -1) + n + 2,
                    during.getLong(Column.JVM_THREADS_DAEMON, -1), "daemon threads");
            assertBetween(threads.getThreadCount() - 2, threads.getThreadCount() + 2, live, "live vs ThreadMXBean");
            assertTrue(during.getLong(Column.JVM_THREADS_PEAK, -1) >= live, "peak >= live");
            assertEquals(threads.getPeakThreadCount(), during.getLong(Column.JVM_THREADS_PEAK, -1), 2);
        } finally {
            release.countDown();
            for (Thread t : parked) {
                t.join(10_000);
            }
        }
    }

    @Test
    void collect_whenTwoThreadsDeadlock_reportsThemAndZeroAfterCleanUp() throws Exception {
        ThreadCollector collector = new ThreadCollector(java.lang.management.ManagementFactory.getThreadMXBean(), 0);
        ThreadCollector hourly = new ThreadCollector(java.lang.management.ManagementFactory.getThreadMXBean(), 3_600_000);
        assertEquals(0, collect(collector).getLong(Column.JVM_THREADS_DEADLOCKED, -1));
        assertEquals(0, collect(hourly).getLong(Column.JVM_THREADS_DEADLOCKED, -1));
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        CountDownLatch bothHoldFirst = new CountDownLatch(2);
        Thread one = lockInOrder(a, b, bothHoldFirst, "deadlock-ab");
        Thread two = lockInOrder(b, a, bothHoldFirst, "deadlock-ba");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long seen = 0;
            while (seen < 2 && System.nanoTime() < deadline) {
                seen = collect(collector).getLong(Column.JVM_THREADS_DEADLOCKED, -1);
                Thread.onSpinWait();
            }
            assertEquals(2, seen, "the two threads locking in opposite order");
            assertEquals(0, collect(hourly).getLong(Column.JVM_THREADS_DEADLOCKED, -1),
                    "between checks (a safepoint each) the last count is carried");
        } finally {
            one.interrupt();
            two.interrupt();
            one.join(10_000);
            two.join(10_000);
        }
        assertEquals(0, collect(collector).getLong(Column.JVM_THREADS_DEADLOCKED, -1));
    }

    private static Thread lockInOrder(ReentrantLock first, ReentrantLock second, CountDownLatch bothHoldFirst,
            String name) {
        Thread t = new Thread(() -> {
            try {
                first.lockInterruptibly();
                try {
                    bothHoldFirst.countDown();
                    bothHoldFirst.await();
                    second.lockInterruptibly();
                    second.unlock();
                } finally {
                    first.unlock();
                }
            } catch (InterruptedException cleanedUp) {
                // the test ends the deadlock by interrupting
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Sample collect(ThreadCollector collector) {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
