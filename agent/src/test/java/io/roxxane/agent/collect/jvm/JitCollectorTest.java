package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.JvmMemoryCollectorTest.assertBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitCollectorTest {

    @Test
    void collect_whenCompilersRan_reportsTheIncreaseOfTheirTotalTime() {
        AtomicLong total = new AtomicLong(1_234);
        JitCollector collector = new JitCollector(compilation(total, true));
        assertFalse(collect(collector).has(Column.JVM_JIT_TIME_MS), "the first sample has no interval");
        total.addAndGet(56);
        assertEquals(56, collect(collector).getLong(Column.JVM_JIT_TIME_MS, -1));
        assertEquals(0, collect(collector).getLong(Column.JVM_JIT_TIME_MS, -1));
    }

    @Test
    void collect_whenRead_agreesWithTheCompilationMXBean() {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        JitCollector collector = new JitCollector();
        long first = bean.getTotalCompilationTime();
        collect(collector);
        long second = bean.getTotalCompilationTime();
        for (int i = 0; i < 20_000; i++) {
            Integer.toString(i).hashCode(); // something for the JIT
        }
        long third = bean.getTotalCompilationTime();
        long reported = collect(collector).getLong(Column.JVM_JIT_TIME_MS, -1);
        long fourth = bean.getTotalCompilationTime();
        assertBetween(third - second, fourth - first, reported, "JIT time in the interval");
    }

    @Test
    void constructor_whenNoJitOrNoTiming_refusesToStart() {
        assertThrows(IllegalStateException.class, () -> new JitCollector(null), "-Xint: no compilation bean");
        assertThrows(IllegalStateException.class, () -> new JitCollector(compilation(new AtomicLong(), false)));
    }

    private static CompilationMXBean compilation(AtomicLong total, boolean timed) {
        return (CompilationMXBean) Proxy.newProxyInstance(JitCollectorTest.class.getClassLoader(),
                new Class<?>[] {CompilationMXBean.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getName":
                            return "fake compiler";
                        case "isCompilationTimeMonitoringSupported":
                            return timed;
                        case "getTotalCompilationTime":
                            return total.get();
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static Sample collect(JitCollector collector) {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }
}
