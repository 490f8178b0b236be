package io.roxxane.agent.collect.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class VirtualThreadCollectorTest {

    @Test
    void supported_onlyWhereTheJdkHasTheSchedulerBean() {
        assertEquals(Runtime.version().feature() >= 24, VirtualThreadCollector.supported());
    }

    @Test
    void collect_beforeTheSchedulerStarted_reportsZerosWithoutReadingTheBean() throws Exception {
        FakeScheduler scheduler = new FakeScheduler();
        AtomicBoolean started = new AtomicBoolean();
        VirtualThreadCollector collector = new VirtualThreadCollector(scheduler, FakeScheduler.class, started::get);
        Sample before = collect(collector);
        assertEquals(0, before.getLong(Column.JVM_VIRTUAL_THREADS_MOUNTED, -1));
        assertEquals(0, before.getLong(Column.JVM_VIRTUAL_THREADS_QUEUED, -1));
        assertEquals(0, before.getLong(Column.JVM_VIRTUAL_THREADS_CARRIERS, -1));
        assertEquals(0, scheduler.reads, "the bean would start the scheduler: not read");

        started.set(true);
        scheduler.mounted = 3;
        scheduler.queued = 17;
        scheduler.poolSize = 4;
        Sample after = collect(collector);
        assertEquals(3, after.getLong(Column.JVM_VIRTUAL_THREADS_MOUNTED, -1));
        assertEquals(17, after.getLong(Column.JVM_VIRTUAL_THREADS_QUEUED, -1));
        assertEquals(4, after.getLong(Column.JVM_VIRTUAL_THREADS_CARRIERS, -1));
        started.set(false);
        assertEquals(3, collect(collector).getLong(Column.JVM_VIRTUAL_THREADS_MOUNTED, -1), "started stays started");
    }

    @Test
    void collect_whenTheJdkCannotTell_leavesTheColumnsNull() throws Exception {
        FakeScheduler scheduler = new FakeScheduler();
        scheduler.mounted = -1;
        scheduler.queued = -1;
        scheduler.poolSize = -1;
        Sample sample = collect(new VirtualThreadCollector(scheduler, FakeScheduler.class, () -> true));
        assertFalse(sample.has(Column.JVM_VIRTUAL_THREADS_MOUNTED));
        assertFalse(sample.has(Column.JVM_VIRTUAL_THREADS_QUEUED));
        assertFalse(sample.has(Column.JVM_VIRTUAL_THREADS_CARRIERS));
    }

    @Test
    void collect_whenVirtualThreadsAreBoundToPlatformThreads_readsTheBeanFromTheStart() throws Exception {
        BoundVirtualThreadSchedulerImpl bound = new BoundVirtualThreadSchedulerImpl();
        Sample sample = collect(new VirtualThreadCollector(bound, FakeScheduler.class, () -> false));
        assertEquals(3, bound.reads, "no scheduler to start: read at once");
        assertFalse(sample.has(Column.JVM_VIRTUAL_THREADS_MOUNTED), "-1: the JDK cannot tell");
    }

    @Test
    void carrierGroupWatch_seesTheCarriersGroupOnceItExists() {
        ThreadGroup root = new ThreadGroup("root-like");
        VirtualThreadCollector.CarrierGroupWatch watch = new VirtualThreadCollector.CarrierGroupWatch(root);
        for (int i = 0; i < 20; i++) {
            new ThreadGroup(root, "other-" + i);
        }
        assertFalse(watch.now());
        ThreadGroup carriers = new ThreadGroup(root, VirtualThreadCollector.CARRIER_GROUP);
        assertTrue(watch.now(), "found among more subgroups than its first array holds");
        assertEquals("CarrierThreads", carriers.getName());
    }

    private static Sample collect(VirtualThreadCollector collector) throws ReflectiveOperationException {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }

    /** Has the methods of jdk.management.VirtualThreadSchedulerMXBean the collector reads (this JDK may lack it). */
    public static class FakeScheduler {
        int reads;
        int mounted;
        long queued;
        int poolSize;

        public int getMountedVirtualThreadCount() {
            reads++;
            return mounted;
        }

        public long getQueuedVirtualThreadCount() {
            reads++;
            return queued;
        }

        public int getPoolSize() {
            reads++;
            return poolSize;
        }
    }

    /** Named as the JDK's bean for virtual threads bound to platform threads. */
    public static final class BoundVirtualThreadSchedulerImpl extends FakeScheduler {
        BoundVirtualThreadSchedulerImpl() {
            mounted = -1;
            queued = -1;
            poolSize = -1;
        }
    }
}
