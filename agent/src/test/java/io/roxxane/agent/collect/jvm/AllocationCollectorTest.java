package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.JvmMemoryCollectorTest.assertBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationCollectorTest {
    private static final long MIB = 1024 * 1024;
    /** Keeps the allocation reachable so it cannot be optimised away. */
    static volatile Object blackhole;

    @Test
    void collect_whenKnownAmountAllocated_deltaIsAtLeastThatAndNotWildlyMore() throws Exception {
        AllocationCollector collector = new AllocationCollector();
        Sample first = new Sample();
        collector.collect(first);
        assertFalse(first.has(Column.JVM_ALLOCATED_BYTES), "the first sample has no interval");

        blackhole = allocate(64);
        Sample second = new Sample();
        collector.collect(second);
        blackhole = null;
        // Other threads of this JVM allocate a little meanwhile: allow 32 MiB on top.
        assertBetween(64 * MIB, 96 * MIB, second.getLong(Column.JVM_ALLOCATED_BYTES, -1), "allocated bytes");
    }

    @Test
    void collect_whenAnotherLiveThreadAllocates_countsIt() throws Exception {
        AllocationCollector collector = new AllocationCollector();
        collector.collect(new Sample());
        Object[] kept = new Object[1];
        Thread t = new Thread(() -> kept[0] = allocate(32));
        t.start();
        t.join();
        blackhole = kept[0];
        Sample second = new Sample();
        collector.collect(second);
        blackhole = null;
        // On Java 14+ the JVM-wide total also counts threads that have ended; before 14 the per-thread
        // sums miss them, so this thread's 32 MiB are only certain to count with the exact total.
        long delta = second.getLong(Column.JVM_ALLOCATED_BYTES, -1);
        if (collector.exact()) {
            assertBetween(32 * MIB, 64 * MIB, delta, "allocated bytes with an ended thread");
        } else {
            assertBetween(0, 64 * MIB, delta, "allocated bytes with an ended thread (per-thread sums)");
        }
    }

    @Test
    void exact_whenJava14OrLater_usesTheJvmWideTotal() throws Exception {
        assertEquals(Runtime.version().feature() >= 14, new AllocationCollector().exact());
    }

    private static List<byte[]> allocate(int mebibytes) {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < mebibytes; i++) {
            chunks.add(new byte[(int) MIB]);
        }
        return chunks;
    }
}
