package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.MemoryPoolCollectorTest.structs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.jvm.GcCollectorTest.FakeGc;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GcActivityCollectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // collectors of each GC as the JVM names them; pauses | concurrent
        "Serial; Copy, MarkSweepCompact; Copy, MarkSweepCompact; ",
        "Parallel; PS Scavenge, PS MarkSweep; PS Scavenge, PS MarkSweep; ",
        "G1 before JDK 20; G1 Young Generation, G1 Old Generation; G1 Young Generation, G1 Old Generation; ",
        "G1 from JDK 20; G1 Young Generation, G1 Concurrent GC, G1 Old Generation;"
                + " G1 Young Generation, G1 Old Generation; G1 Concurrent GC",
        "ZGC single-generation; ZGC Cycles, ZGC Pauses; ZGC Pauses; ZGC Cycles",
        "ZGC generational; ZGC Minor Cycles, ZGC Minor Pauses, ZGC Major Cycles, ZGC Major Pauses;"
                + " ZGC Minor Pauses, ZGC Major Pauses; ZGC Minor Cycles, ZGC Major Cycles",
        "Shenandoah; Shenandoah Pauses, Shenandoah Cycles; Shenandoah Pauses; Shenandoah Cycles",
        "CMS; ParNew, ConcurrentMarkSweep; ParNew; ConcurrentMarkSweep",
        "OpenJ9 gencon; scavenge, global; scavenge, global; "})
    void collect_whenAGcsCollectorsCollect_eachIsReportedByItsNameAsPauseOrConcurrent(String gc, String names,
            String pauses, String concurrent) {
        List<FakeGc> beans = new ArrayList<>();
        for (String name : split(names)) {
            beans.add(new FakeGc(name));
        }
        GcActivityCollector collector = new GcActivityCollector(new ArrayList<>(beans));
        Sample first = collect(collector);
        assertFalse(first.has(Column.JVM_GC_PAUSES), "the first sample has no interval");
        assertFalse(first.has(Column.JVM_GC_CONCURRENT), "the first sample has no interval");

        Map<String, List<Long>> expected = new LinkedHashMap<>();
        for (int i = 0; i < beans.size(); i++) {
            beans.get(i).collected(i + 1, 10L * (i + 1) + 3);
            expected.put(beans.get(i).getName(), List.of((long) i + 1, 10L * (i + 1) + 3));
        }
        Sample second = collect(collector);
        assertEquals(subset(expected, split(pauses)), activity(second, Column.JVM_GC_PAUSES), gc + " pauses");
        assertEquals(subset(expected, split(concurrent)), activity(second, Column.JVM_GC_CONCURRENT), gc + " concurrent");
        assertEquals(split(concurrent).isEmpty(), !second.has(Column.JVM_GC_CONCURRENT),
                "no concurrent collector: the column is null, not an empty map");

        Sample third = collect(collector);
        for (Column column : List.of(Column.JVM_GC_PAUSES, Column.JVM_GC_CONCURRENT)) {
            activity(third, column).forEach((name, figures) -> assertEquals(List.of(0L, 0L), figures, name));
        }
    }

    @Test
    void collect_whenACounterGoesBack_leavesThatCollectorOutOfThatIntervalOnly() {
        FakeGc young = new FakeGc("G1 Young Generation");
        FakeGc old = new FakeGc("G1 Old Generation");
        young.collected(10, 100);
        old.collected(2, 50);
        GcActivityCollector collector = new GcActivityCollector(List.of(young, old));
        collect(collector);
        young.collected(-10, -100); // a reset
        old.collected(1, 7);
        assertEquals(Map.of("G1 Old Generation", List.of(1L, 7L)), activity(collect(collector), Column.JVM_GC_PAUSES));
        young.collected(3, 9);
        assertEquals(Map.of("G1 Young Generation", List.of(3L, 9L), "G1 Old Generation", List.of(0L, 0L)),
                activity(collect(collector), Column.JVM_GC_PAUSES));
    }

    @Test
    void collect_whenSystemGcBetweenCollects_reportsWhatTheMXBeansCounted() {
        List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        GcActivityCollector collector = new GcActivityCollector();
        for (int attempt = 0; ; attempt++) {
            Map<String, List<Long>> before = read(beans);
            collect(collector);
            boolean quiet = before.equals(read(beans));
            System.gc();
            Map<String, List<Long>> after = read(beans);
            Sample sample = collect(collector);
            quiet &= after.equals(read(beans));
            if (!quiet && attempt < 5) {
                continue; // a collection of the test JVM's own between a read and a collect: once more
            }
            Map<String, List<Long>> reported = new LinkedHashMap<>(activity(sample, Column.JVM_GC_PAUSES));
            reported.putAll(activity(sample, Column.JVM_GC_CONCURRENT));
            Map<String, List<Long>> expected = new LinkedHashMap<>();
            before.forEach((name, figures) -> expected.put(name,
                    List.of(after.get(name).get(0) - figures.get(0), after.get(name).get(1) - figures.get(1))));
            assertEquals(expected, reported);
            assertTrue(expected.values().stream().mapToLong(f -> f.get(0)).sum() >= 1, "System.gc() collected");
            return;
        }
    }

    @Test
    void constructor_whenNoCollectors_refusesToStart() {
        assertThrows(IllegalStateException.class, () -> new GcActivityCollector(List.of()));
    }

    private static Map<String, List<Long>> read(List<GarbageCollectorMXBean> beans) {
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        beans.forEach(b -> figures.put(b.getName(), List.of(b.getCollectionCount(), b.getCollectionTime())));
        return figures;
    }

    /** A map column of collectors as name to [count, time_ms]; empty when the column is null. */
    static Map<String, List<Long>> activity(Sample sample, Column column) {
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        if (sample.has(column)) {
            structs(sample.get(column)).forEach((name, fields) ->
                    figures.put(name, List.of((Long) fields.get("count"), (Long) fields.get("time_ms"))));
        }
        return figures;
    }

    private static Map<String, List<Long>> subset(Map<String, List<Long>> all, List<String> names) {
        Map<String, List<Long>> subset = new LinkedHashMap<>();
        all.forEach((name, figures) -> {
            if (names.contains(name)) {
                subset.put(name, figures);
            }
        });
        return subset;
    }

    private static List<String> split(String names) {
        List<String> list = new ArrayList<>();
        if (names != null) {
            Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(list::add);
        }
        return list;
    }

    private static Sample collect(GcActivityCollector collector) {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }
}
