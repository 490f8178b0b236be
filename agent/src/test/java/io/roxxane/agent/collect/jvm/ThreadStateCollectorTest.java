package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.JvmMemoryCollectorTest.assertBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadStateCollectorTest {
    private static final Column[] STATE_COLUMNS = {Column.JVM_THREADS_RUNNABLE, Column.JVM_THREADS_BLOCKED,
        Column.JVM_THREADS_WAITING, Column.JVM_THREADS_TIMED_WAITING};

    private final Object monitor = new Object();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean spin = true;
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void endThreads() throws InterruptedException {
        spin = false;
        release.countDown();
        for (Thread t : started) {
            t.interrupt();
            LockSupport.unpark(t);
        }
        for (Thread t : started) {
            t.join(10_000);
        }
    }

    @Test
    void collect_whenThreadsOfAGroupAreInKnownStates_countsEachState() throws Exception {
        ThreadGroup group = new ThreadGroup("states");
        CountDownLatch holding = new CountDownLatch(1);
        start(null, "holder", () -> {
            synchronized (monitor) {
                holding.countDown();
                awaitQuietly(release);
            }
        });
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        for (int i = 0; i < 3; i++) {
            start(group, "blocked-" + i, () -> {
                synchronized (monitor) {
                    Thread.yield();
                }
            });
        }
        for (int i = 0; i < 4; i++) {
            start(group, "waiting-" + i, () -> awaitQuietly(release));
        }
        for (int i = 0; i < 5; i++) {
            start(group, "sleeping-" + i, () -> {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException ended) {
                    // the test is over
                }
            });
        }
        start(group, "spinning", () -> {
            while (spin) {
                Thread.onSpinWait();
            }
        });
        awaitStates(group, Map.of(Thread.State.BLOCKED, 3, Thread.State.WAITING, 4, Thread.State.TIMED_WAITING, 5,
                Thread.State.RUNNABLE, 1));

        Sample sample = collect(new ThreadStateCollector(group, ManagementFactory.getThreadMXBean()));
        assertEquals(1, sample.getLong(Column.JVM_THREADS_RUNNABLE, -1));
        assertEquals(3, sample.getLong(Column.JVM_THREADS_BLOCKED, -1));
        assertEquals(4, sample.getLong(Column.JVM_THREADS_WAITING, -1));
        assertEquals(5, sample.getLong(Column.JVM_THREADS_TIMED_WAITING, -1));
    }

    @Test
    void collect_forTheWholeJvm_agreesWithTheThreadMXBeansThreadInfo() throws Exception {
        for (int i = 0; i < 6; i++) {
            start(null, "parked-" + i, () -> awaitQuietly(release));
        }
        awaitCondition(() -> started.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        ThreadStateCollector collector = new ThreadStateCollector();
        Map<Thread.State, Integer> before = threadInfoStates();
        Sample sample = collect(collector);
        Map<Thread.State, Integer> after = threadInfoStates();
        Thread.State[] states = {Thread.State.RUNNABLE, Thread.State.BLOCKED, Thread.State.WAITING,
            Thread.State.TIMED_WAITING};
        for (int i = 0; i < states.length; i++) {
            // surefire's and the JVM's own threads may change state meanwhile: a small margin
            assertBetween(Math.min(before.get(states[i]), after.get(states[i])) - 2,
                    Math.max(before.get(states[i]), after.get(states[i])) + 2,
                    sample.getLong(STATE_COLUMNS[i], -1), states[i].toString());
        }
        assertTrue(sample.getLong(Column.JVM_THREADS_WAITING, -1) >= 6, "the parked threads");
        assertTrue(sample.getLong(Column.JVM_THREADS_RUNNABLE, -1) >= 1, "this thread");
    }

    @Test
    void collect_whenMoreThreadsThanTheArrayHolds_countsThemAll() throws Exception {
        ThreadGroup group = new ThreadGroup("many");
        ThreadGroup inner = new ThreadGroup(group, "inner");
        for (int i = 0; i < 300; i++) {
            start(i % 2 == 0 ? group : inner, "many-" + i, () -> awaitQuietly(release));
        }
        awaitStates(group, Map.of(Thread.State.WAITING, 300));
        ThreadStateCollector collector = new ThreadStateCollector(group, ManagementFactory.getThreadMXBean());
        assertEquals(300, collect(collector).getLong(Column.JVM_THREADS_WAITING, -1), "subgroups included");
        assertEquals(300, collect(collector).getLong(Column.JVM_THREADS_WAITING, -1), "and again");
    }

    @Test
    void collect_afterAThreadEnded_holdsNoReferenceToIt() throws Exception {
        ThreadGroup group = new ThreadGroup("ending");
        Thread thread = new Thread(group, () -> awaitQuietly(release), "ending");
        thread.setDaemon(true);
        thread.start();
        awaitStates(group, Map.of(Thread.State.WAITING, 1));
        ThreadStateCollector collector = new ThreadStateCollector(group, ManagementFactory.getThreadMXBean());
        assertEquals(1, collect(collector).getLong(Column.JVM_THREADS_WAITING, -1));
        WeakReference<Thread> ended = new WeakReference<>(thread);
        release.countDown();
        thread.join(10_000);
        thread = null;
        assertEquals(0, collect(collector).getLong(Column.JVM_THREADS_WAITING, -1), "a thread ended: listed again");
        awaitCondition(() -> {
            System.gc();
            return ended.get() == null;
        });
        assertNull(ended.get(), "the collector's array let go of the thread");
    }

    @Test
    void collect_whileNoThreadStartedOrEnded_readsTheStatesOfTheListedThreadsWithoutListingAgain() throws Exception {
        ThreadGroup group = new ThreadGroup("listed");
        AtomicLong started = new AtomicLong(100);
        ThreadMXBean counters = (ThreadMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ThreadMXBean.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getTotalStartedThreadCount":
                            return started.get();
                        case "getThreadCount":
                            return 10;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        CountDownLatch wake = new CountDownLatch(1);
        start(group, "first", () -> awaitQuietly(wake));
        awaitStates(group, Map.of(Thread.State.WAITING, 1));
        ThreadStateCollector collector = new ThreadStateCollector(group, counters);
        assertEquals(1, collect(collector).getLong(Column.JVM_THREADS_WAITING, -1));

        start(group, "second", () -> awaitQuietly(release));
        awaitStates(group, Map.of(Thread.State.WAITING, 2));
        assertEquals(1, collect(collector).getLong(Column.JVM_THREADS_WAITING, -1),
                "the counters say nothing started: the list is kept");
        wake.countDown();
        awaitStates(group, Map.of(Thread.State.WAITING, 1));
        Sample kept = collect(collector);
        assertEquals(0, kept.getLong(Column.JVM_THREADS_WAITING, -1), "the listed thread's state is read each time");
        started.incrementAndGet();
        assertEquals(1, collect(collector).getLong(Column.JVM_THREADS_WAITING, -1), "a thread started: listed again");
    }

    private void start(ThreadGroup group, String name, Runnable body) {
        Thread thread = group == null ? new Thread(body, name) : new Thread(group, body, name);
        thread.setDaemon(true);
        thread.start();
        started.add(thread);
    }

    private static void awaitStates(ThreadGroup group, Map<Thread.State, Integer> expected) throws InterruptedException {
        awaitCondition(() -> {
            Thread[] threads = new Thread[group.activeCount() + 10];
            int n = group.enumerate(threads, true);
            Map<Thread.State, Integer> counts = new EnumMap<>(Thread.State.class);
            for (int i = 0; i < n; i++) {
                counts.merge(threads[i].getState(), 1, Integer::sum);
            }
            return counts.equals(expected);
        });
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 30 s");
            Thread.sleep(10);
        }
    }

    /** The states as ThreadMXBean sees them (a safepoint: fine in a test). */
    private static Map<Thread.State, Integer> threadInfoStates() {
        Map<Thread.State, Integer> counts = new EnumMap<>(Thread.State.class);
        for (Thread.State state : Thread.State.values()) {
            counts.put(state, 0);
        }
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().getThreadInfo(
                ManagementFactory.getThreadMXBean().getAllThreadIds())) {
            if (info != null) {
                counts.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Sample collect(ThreadStateCollector collector) {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }
}
