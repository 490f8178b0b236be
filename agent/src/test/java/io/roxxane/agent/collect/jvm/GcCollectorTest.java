package io.roxxane.agent.collect.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GcCollectorTest {
    private static final List<String> STOP_THE_WORLD_OLD =
            List.of("G1 Old Generation", "PS MarkSweep", "MarkSweepCompact");

    @ParameterizedTest(name = "{0}: young={1}, concurrent={2}")
    @CsvSource({
        // HotSpot Serial
        "Copy, true, false", "MarkSweepCompact, false, false",
        // HotSpot Parallel
        "PS Scavenge, true, false", "PS MarkSweep, false, false",
        // HotSpot G1 (G1 Concurrent GC from JDK 20)
        "G1 Young Generation, true, false", "G1 Old Generation, false, false", "G1 Concurrent GC, false, true",
        // ZGC, single generation and generational
        "ZGC Cycles, false, true", "ZGC Pauses, false, false",
        "ZGC Minor Cycles, true, true", "ZGC Minor Pauses, true, false",
        "ZGC Major Cycles, false, true", "ZGC Major Pauses, false, false",
        // Shenandoah
        "Shenandoah Cycles, false, true", "Shenandoah Pauses, false, false",
        // CMS (its old collector's notifications span the concurrent cycle)
        "ParNew, true, false", "ConcurrentMarkSweep, false, true",
        // OpenJ9: gencon, balanced, metronome/optthruput
        "scavenge, true, false", "global, false, false", "partial gc, true, false",
        "global garbage collect, false, false"})
    void isYoungAndIsConcurrentCycle_whenKnownCollectorName_classifyIt(String name, boolean young,
            boolean concurrent) {
        assertEquals(young, GcCollector.isYoung(name), "young");
        assertEquals(concurrent, GcCollector.isConcurrentCycle(name), "concurrent cycle");
    }

    @Test
    void collect_whenSystemGcBetweenCollects_countsACollectionLikeTheMXBeans() {
        List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        GcCollector collector = new GcCollector();
        Sample first = new Sample();
        collector.collect(first);
        assertFalse(first.has(Column.JVM_GC_OLD_COUNT), "the first sample has no interval");
        long countBefore = totalCount(beans);
        System.gc();
        long countAfter = totalCount(beans);
        Sample second = new Sample();
        collector.collect(second);
        long young = second.getLong(Column.JVM_GC_YOUNG_COUNT, -1);
        long old = second.getLong(Column.JVM_GC_OLD_COUNT, -1);
        assertTrue(young >= 0 && old >= 0);
        assertTrue(young + old >= countAfter - countBefore, "at least the collections System.gc() caused");
        boolean hasStopTheWorldOld = beans.stream().anyMatch(b -> STOP_THE_WORLD_OLD.contains(b.getName()));
        if (hasStopTheWorldOld) {
            assertTrue(old >= 1, "System.gc() is a full collection with " + names(beans));
        } else {
            assertTrue(young + old >= 1, "System.gc() collected with " + names(beans));
        }
        assertTrue(second.getLong(Column.JVM_GC_YOUNG_TIME_MS, -1) >= 0);
        assertTrue(second.getLong(Column.JVM_GC_OLD_TIME_MS, -1) >= 0);
    }

    @Test
    void collect_whenSystemGcNotified_maxPauseIsTheLongestNotifiedPause() throws Exception {
        GcCollector collector = new GcCollector();
        collector.collect(new Sample());
        // Listeners run in the order they were added: once ours has seen a notification, so has the collector's.
        AtomicLong longest = new AtomicLong(-1);
        NotificationListener witness = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            if (!GcCollector.isConcurrentCycle(info.getGcName())) {
                longest.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
            }
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) bean).addNotificationListener(witness, null, null);
            emitters.add((NotificationEmitter) bean);
        }
        try {
            System.gc();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (longest.get() < 0 && System.nanoTime() < deadline) {
                Thread.sleep(5); // notifications arrive on the JVM's service thread
            }
            assertTrue(longest.get() >= 0, "a GC notification arrived");
            Sample second = new Sample();
            collector.collect(second);
            assertTrue(second.has(Column.JVM_GC_MAX_PAUSE_MS));
            long pause = second.getLong(Column.JVM_GC_MAX_PAUSE_MS, -1);
            assertTrue(pause >= longest.get(), pause + " >= the longest pause notified " + longest.get());
        } finally {
            for (NotificationEmitter emitter : emitters) {
                emitter.removeNotificationListener(witness);
            }
        }
    }

    @Test
    void collect_whenConcurrentCycleNotified_ignoresItForMaxPause() throws Exception {
        FakeGc young = new FakeGc("G1 Young Generation");
        FakeGc concurrent = new FakeGc("G1 Concurrent GC");
        FakeGc old = new FakeGc("G1 Old Generation");
        GcCollector collector = new GcCollector(List.of(young, concurrent, old));
        collector.collect(new Sample());

        concurrent.collected(1, 500);
        young.collected(3, 21);
        concurrent.notifyPause(500);
        young.notifyPause(7);
        young.notifyPause(9);
        young.notifyPause(5);
        Sample second = new Sample();
        collector.collect(second);
        assertEquals(9, second.getLong(Column.JVM_GC_MAX_PAUSE_MS, -1));
        assertEquals(3, second.getLong(Column.JVM_GC_YOUNG_COUNT, -1));
        assertEquals(21, second.getLong(Column.JVM_GC_YOUNG_TIME_MS, -1));
        assertEquals(1, second.getLong(Column.JVM_GC_OLD_COUNT, -1));
        assertEquals(500, second.getLong(Column.JVM_GC_OLD_TIME_MS, -1));

        concurrent.notifyPause(900);
        Sample third = new Sample();
        collector.collect(third);
        assertEquals(0, third.getLong(Column.JVM_GC_MAX_PAUSE_MS, -1), "a concurrent cycle is not a pause");
        assertEquals(0, third.getLong(Column.JVM_GC_OLD_COUNT, -1));
    }

    @Test
    void collect_whenCyclesAndPausesBeans_countsCyclesOnceAndPausesOnlyForMaxPause() throws Exception {
        FakeGc cycles = new FakeGc("ZGC Cycles");
        FakeGc pauses = new FakeGc("ZGC Pauses");
        GcCollector collector = new GcCollector(List.of(cycles, pauses));
        collector.collect(new Sample());
        cycles.collected(2, 120);
        pauses.collected(6, 3); // three pauses per cycle, inside the cycles' time
        cycles.notifyPause(70);
        pauses.notifyPause(1);
        pauses.notifyPause(2);
        Sample second = new Sample();
        collector.collect(second);
        assertEquals(2, second.getLong(Column.JVM_GC_OLD_COUNT, -1));
        assertEquals(120, second.getLong(Column.JVM_GC_OLD_TIME_MS, -1));
        assertEquals(0, second.getLong(Column.JVM_GC_YOUNG_COUNT, -1));
        assertEquals(2, second.getLong(Column.JVM_GC_MAX_PAUSE_MS, -1));
    }

    @Test
    void isPausesOfCycles_whenSiblingCyclesBean_isTrueOnlyForThePausesBean() {
        List<String> generationalZgc = List.of("ZGC Minor Cycles", "ZGC Minor Pauses", "ZGC Major Cycles",
                "ZGC Major Pauses");
        assertTrue(GcCollector.isPausesOfCycles("ZGC Minor Pauses", generationalZgc));
        assertTrue(GcCollector.isPausesOfCycles("ZGC Major Pauses", generationalZgc));
        assertFalse(GcCollector.isPausesOfCycles("ZGC Minor Cycles", generationalZgc));
        assertTrue(GcCollector.isPausesOfCycles("Shenandoah Pauses", List.of("Shenandoah Pauses", "Shenandoah Cycles")));
        assertFalse(GcCollector.isPausesOfCycles("ZGC Pauses", List.of("ZGC Pauses")), "no cycles bean: it counts");
        assertFalse(GcCollector.isPausesOfCycles("G1 Old Generation", List.of("G1 Young Generation", "G1 Old Generation")));
    }

    @Test
    void constructor_whenNoCollectors_refusesToStart() {
        assertThrows(IllegalStateException.class, () -> new GcCollector(List.of()));
    }

    /** Collections as the collector counts them: a cycles bean's pauses bean does not count again. */
    private static long totalCount(List<GarbageCollectorMXBean> beans) {
        List<String> names = names(beans);
        return beans.stream().filter(b -> !GcCollector.isPausesOfCycles(b.getName(), names))
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static List<String> names(List<GarbageCollectorMXBean> beans) {
        return beans.stream().map(GarbageCollectorMXBean::getName).toList();
    }

    /** A collector bean that emits the JVM's GC notifications on demand. */
    static final class FakeGc extends NotificationBroadcasterSupport implements GarbageCollectorMXBean {
        private static final CompositeType GC_INFO;
        private static final CompositeType INFO;

        static {
            try {
                GC_INFO = new CompositeType("GcInfo", "gc info", new String[] {"duration"},
                        new String[] {"duration"}, new OpenType<?>[] {SimpleType.LONG});
                String[] items = {"gcName", "gcAction", "gcCause", "gcInfo"};
                INFO = new CompositeType("GcNotificationInfo", "gc notification", items, items,
                        new OpenType<?>[] {SimpleType.STRING, SimpleType.STRING, SimpleType.STRING, GC_INFO});
            } catch (OpenDataException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final String name;
        private long count;
        private long time;
        private long sequence;

        FakeGc(String name) {
            this.name = name;
        }

        void collected(long collections, long millis) {
            count += collections;
            time += millis;
        }

        void notifyPause(long durationMillis) throws OpenDataException {
            CompositeData gcInfo = new CompositeDataSupport(GC_INFO, new String[] {"duration"},
                    new Object[] {durationMillis});
            CompositeData info = new CompositeDataSupport(INFO,
                    new String[] {"gcName", "gcAction", "gcCause", "gcInfo"},
                    new Object[] {name, "end of GC", "test", gcInfo});
            Notification notification = new Notification(
                    GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION, this, ++sequence);
            notification.setUserData(info);
            sendNotification(notification);
        }

        @Override
        public long getCollectionCount() {
            return count;
        }

        @Override
        public long getCollectionTime() {
            return time;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public String[] getMemoryPoolNames() {
            return new String[0];
        }

        @Override
        public ObjectName getObjectName() {
            return null;
        }
    }
}
