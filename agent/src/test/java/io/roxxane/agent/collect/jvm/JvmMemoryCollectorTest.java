package io.roxxane.agent.collect.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class JvmMemoryCollectorTest {
    private static final long MIB = 1024 * 1024;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void collect_whenRead_heapAgreesWithMemoryMXBeanAndRuntime() {
        MemoryUsage before = memory.getHeapMemoryUsage();
        Sample sample = new Sample();
        new JvmMemoryCollector().collect(sample);
        MemoryUsage after = memory.getHeapMemoryUsage();
        Runtime runtime = Runtime.getRuntime();

        long used = sample.getLong(Column.JVM_HEAP_USED_BYTES, -1);
        long committed = sample.getLong(Column.JVM_HEAP_COMMITTED_BYTES, -1);
        long max = sample.getLong(Column.JVM_HEAP_MAX_BYTES, -1);
        assertBetween(Math.min(before.getUsed(), after.getUsed()) - 8 * MIB,
                Math.max(before.getUsed(), after.getUsed()) + 8 * MIB, used, "heap used");
        assertBetween(Math.min(before.getCommitted(), after.getCommitted()),
                Math.max(before.getCommitted(), after.getCommitted()), committed, "heap committed");
        assertEquals(after.getMax(), max, "heap max");
        assertTrue(used <= committed && committed <= max, used + " <= " + committed + " <= " + max);
        // Runtime's view of the same heap: max exact up to the survivor space some collectors hold back.
        assertBetween((long) (runtime.maxMemory() * 0.9), (long) (runtime.maxMemory() * 1.1), max, "heap max vs Runtime");
        assertBetween((long) (runtime.totalMemory() * 0.9), (long) (runtime.totalMemory() * 1.1) + 8 * MIB,
                committed, "heap committed vs Runtime.totalMemory");
    }

    @Test
    void collect_whenHeapMaxUndefined_leavesMaxAbsent() {
        MemoryUsage undefinedMax = new MemoryUsage(0, 10 * MIB, 20 * MIB, -1);
        MemoryMXBean fake = (MemoryMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MemoryMXBean.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getHeapMemoryUsage":
                        case "getNonHeapMemoryUsage":
                            return undefinedMax;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        Sample sample = new Sample();
        new JvmMemoryCollector(fake).collect(sample);
        assertFalse(sample.has(Column.JVM_HEAP_MAX_BYTES));
        assertEquals(10 * MIB, sample.getLong(Column.JVM_HEAP_USED_BYTES, -1));
        assertEquals(20 * MIB, sample.getLong(Column.JVM_HEAP_COMMITTED_BYTES, -1));
    }

    static void assertBetween(long low, long high, long actual, String what) {
        assertTrue(actual >= low && actual <= high, what + ": " + actual + " not in [" + low + ", " + high + "]");
    }
}
