package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.JvmMemoryCollectorTest.assertBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MemoryPoolCollectorTest {
    private static final long MIB = 1024 * 1024;
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();

    @Test
    void collect_whenRead_everyPoolByItsOwnNameAgreesWithItsMXBean() {
        MemoryPoolCollector collector = new MemoryPoolCollector();
        Map<String, MemoryUsage> before = usages();
        Map<String, Map<String, Object>> sampled = pools(collect(collector));
        Map<String, MemoryUsage> after = usages();

        assertEquals(pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toList()),
                new ArrayList<>(sampled.keySet()), "every pool, in the JVM's order");
        for (MemoryPoolMXBean pool : pools) {
            String name = pool.getName();
            Map<String, Object> value = sampled.get(name);
            boolean heap = pool.getType() == MemoryType.HEAP;
            assertEquals(heap, value.get("heap"), name);
            // The test thread allocates meanwhile (heap) and the JIT and class loading go on (non-heap).
            long slack = heap ? 8 * MIB : MIB;
            assertBetween(Math.min(before.get(name).getUsed(), after.get(name).getUsed()) - slack,
                    Math.max(before.get(name).getUsed(), after.get(name).getUsed()) + slack,
                    (Long) value.get("used_bytes"), name + " used");
            assertBetween(Math.min(before.get(name).getCommitted(), after.get(name).getCommitted()) - slack,
                    Math.max(before.get(name).getCommitted(), after.get(name).getCommitted()) + slack,
                    (Long) value.get("committed_bytes"), name + " committed");
            long max = after.get(name).getMax();
            assertEquals(max < 0 ? null : max, value.get("max_bytes"), name + " max");
            if (!heap) {
                assertNull(value.get("used_after_gc_bytes"), name + ": only heap pools are collected");
            }
        }
    }

    @Test
    void collect_afterSystemGc_usedAfterGcOfEachHeapPoolIsItsCollectionUsage() {
        MemoryPoolCollector collector = new MemoryPoolCollector();
        for (int attempt = 0; ; attempt++) {
            System.gc();
            Map<String, MemoryUsage> before = collectionUsages();
            Map<String, Map<String, Object>> sampled = pools(collect(collector));
            Map<String, MemoryUsage> after = collectionUsages();
            if (!before.equals(after) && attempt < 5) {
                continue; // a collection between the reads: once more
            }
            for (Map.Entry<String, MemoryUsage> pool : after.entrySet()) {
                MemoryUsage usage = pool.getValue();
                Object used = sampled.get(pool.getKey()).get("used_after_gc_bytes");
                if (usage.getCommitted() == 0 && usage.getUsed() == 0) {
                    assertNull(used, pool.getKey() + ": the JVM reports no collection of it yet");
                } else {
                    assertEquals(usage.getUsed(), used, pool.getKey() + " used after the last collection");
                }
            }
            assertTrue(after.values().stream().anyMatch(u -> u.getCommitted() > 0), "System.gc() collected a pool");
            return;
        }
    }

    @Test
    void collect_whenRead_codeCacheIsTheSumOfTheCodePools() {
        List<MemoryPoolMXBean> code = pools.stream().filter(MemoryPoolCollector::isCodeCache).collect(Collectors.toList());
        assertFalse(code.isEmpty(), "HotSpot has code heaps");
        assertTrue(code.stream().allMatch(p -> p.getName().startsWith("CodeHeap '") || p.getName().equals("Code Cache")),
                code.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toList()).toString());
        long before = code.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        Sample sample = collect(new MemoryPoolCollector());
        long after = code.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        assertBetween(before - MIB, after + MIB, sample.getLong(Column.JVM_CODE_CACHE_USED_BYTES, -1), "code cache");
    }

    @Test
    void collect_whenRead_nonHeapAndMetaspaceAgreeWithTheMemoryMXBeanAndTheMetaspacePool() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryPoolMXBean metaspace = pools.stream().filter(p -> p.getName().equals("Metaspace")).findFirst()
                .orElseThrow();
        MemoryUsage nonHeapBefore = memory.getNonHeapMemoryUsage();
        MemoryUsage metaBefore = metaspace.getUsage();
        Sample sample = collect(new MemoryPoolCollector());
        MemoryUsage nonHeapAfter = memory.getNonHeapMemoryUsage();
        MemoryUsage metaAfter = metaspace.getUsage();

        long nonHeapUsed = sample.getLong(Column.JVM_NONHEAP_USED_BYTES, -1);
        long metaUsed = sample.getLong(Column.JVM_METASPACE_USED_BYTES, -1);
        // Code cache and metaspace grow while the JIT and class loading run: bound by the two direct reads.
        assertBetween(nonHeapBefore.getUsed() - MIB, nonHeapAfter.getUsed() + MIB, nonHeapUsed, "non-heap used");
        assertBetween(nonHeapBefore.getCommitted() - MIB, nonHeapAfter.getCommitted() + MIB,
                sample.getLong(Column.JVM_NONHEAP_COMMITTED_BYTES, -1), "non-heap committed");
        assertBetween(metaBefore.getUsed() - MIB, metaAfter.getUsed() + MIB, metaUsed, "metaspace used");
        assertBetween(metaBefore.getCommitted() - MIB, metaAfter.getCommitted() + MIB,
                sample.getLong(Column.JVM_METASPACE_COMMITTED_BYTES, -1), "metaspace committed");
        assertTrue(metaUsed > 0 && metaUsed <= nonHeapUsed, "metaspace is part of non-heap");
    }

    @Test
    void collect_whenNoMetaspacePool_leavesMetaspaceAbsent() {
        FakePool heap = new FakePool("Old", MemoryType.HEAP, "Full");
        FakePool classes = new FakePool("class storage", MemoryType.NON_HEAP, "J9 non-heap manager");
        heap.usage = new MemoryUsage(0, MIB, 2 * MIB, 4 * MIB);
        classes.usage = new MemoryUsage(0, 3 * MIB, 5 * MIB, -1);
        Sample sample = collect(new MemoryPoolCollector(beans(heap, classes)));
        assertFalse(sample.has(Column.JVM_METASPACE_USED_BYTES));
        assertFalse(sample.has(Column.JVM_METASPACE_COMMITTED_BYTES));
        assertEquals(3 * MIB, sample.getLong(Column.JVM_NONHEAP_USED_BYTES, -1), "non-heap: its pools only");
        assertEquals(5 * MIB, sample.getLong(Column.JVM_NONHEAP_COMMITTED_BYTES, -1));
    }

    @Test
    void collect_beforeAndAfterThePoolsFirstCollection_usedAfterGcIsAbsentThenKept() {
        FakePool eden = new FakePool("Eden", MemoryType.HEAP, "CollectorOfEden");
        MemoryPoolCollector collector = new MemoryPoolCollector(beans(eden));
        eden.usage = new MemoryUsage(10 * MIB, 3 * MIB, 10 * MIB, 100 * MIB);
        eden.collectionUsage = new MemoryUsage(10 * MIB, 0, 0, 100 * MIB); // HotSpot's value before any collection
        Map<String, Object> before = pools(collect(collector)).get("Eden");
        assertNull(before.get("used_after_gc_bytes"), "no collection yet: no figure, not 0");
        assertEquals(3 * MIB, before.get("used_bytes"));
        assertEquals(10 * MIB, before.get("committed_bytes"));
        assertEquals(100 * MIB, before.get("max_bytes"));
        assertEquals(true, before.get("heap"));

        eden.collectionUsage = new MemoryUsage(10 * MIB, 0, 10 * MIB, 100 * MIB);
        assertEquals(0L, pools(collect(collector)).get("Eden").get("used_after_gc_bytes"), "collected, all freed");
        eden.collectionUsage = new MemoryUsage(10 * MIB, 0, 0, 100 * MIB);
        assertEquals(0L, pools(collect(collector)).get("Eden").get("used_after_gc_bytes"),
                "once collected, a 0 is a figure");
    }

    @Test
    void collect_whenMaxUndefinedOrNoLongerDefined_leavesMaxAbsent() {
        FakePool old = new FakePool("Old", MemoryType.HEAP, "Full");
        FakePool meta = new FakePool("Meta", MemoryType.NON_HEAP, "Metaspace Manager");
        MemoryPoolCollector collector = new MemoryPoolCollector(beans(old, meta));
        old.usage = new MemoryUsage(0, MIB, 2 * MIB, 4 * MIB);
        meta.usage = new MemoryUsage(0, MIB, 2 * MIB, -1);
        Map<String, Map<String, Object>> first = pools(collect(collector));
        assertEquals(4 * MIB, first.get("Old").get("max_bytes"));
        assertNull(first.get("Meta").get("max_bytes"));
        assertEquals(false, first.get("Meta").get("heap"));
        assertNull(first.get("Meta").get("used_after_gc_bytes"));

        old.usage = new MemoryUsage(0, MIB, 2 * MIB, -1);
        assertNull(pools(collect(collector)).get("Old").get("max_bytes"), "a max that became undefined is not kept");
        assertEquals(false, collect(collector).has(Column.JVM_CODE_CACHE_USED_BYTES), "no code pool here");
    }

    @Test
    void collect_whenAPoolBecomesInvalid_dropsItAndKeepsTheOthers() {
        FakePool a = new FakePool("A", MemoryType.HEAP, "X");
        FakePool code = new FakePool("CodeHeap 'non-nmethods'", MemoryType.NON_HEAP, "CodeCacheManager");
        a.usage = new MemoryUsage(0, 1, 2, 3);
        code.usage = new MemoryUsage(0, 5, 6, 7);
        MemoryPoolCollector collector = new MemoryPoolCollector(beans(a, code));
        assertEquals(2, pools(collect(collector)).size());
        a.usage = null;
        Sample sample = collect(collector);
        assertEquals(List.of("CodeHeap 'non-nmethods'"), new ArrayList<>(pools(sample).keySet()));
        assertEquals(5, sample.getLong(Column.JVM_CODE_CACHE_USED_BYTES, -1));
        code.usage = null;
        assertThrows(IllegalStateException.class, () -> collect(collector), "no pool left: switched off");
    }

    @Test
    void constructor_whenNoPools_refusesToStart() {
        assertThrows(IllegalStateException.class, () -> new MemoryPoolCollector(List.of()));
    }

    private Map<String, MemoryUsage> usages() {
        Map<String, MemoryUsage> usages = new LinkedHashMap<>();
        pools.forEach(p -> usages.put(p.getName(), p.getUsage()));
        return usages;
    }

    private Map<String, MemoryUsage> collectionUsages() {
        Map<String, MemoryUsage> usages = new LinkedHashMap<>();
        pools.stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(p -> usages.put(p.getName(), p.getCollectionUsage()));
        return usages;
    }

    private static Sample collect(MemoryPoolCollector collector) {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }

    /** The pools column as plain maps, copied (the collector reuses its structs). */
    static Map<String, Map<String, Object>> pools(Sample sample) {
        Object column = sample.get(Column.JVM_MEMORY_POOLS);
        assertNotNull(column, "jvm_memory_pools");
        return structs(column);
    }

    static Map<String, Map<String, Object>> structs(Object column) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        ((Map<?, ?>) column).forEach((name, value) -> {
            Struct struct = (Struct) value;
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < struct.size(); i++) {
                fields.put(struct.name(i), struct.get(i));
            }
            copy.put((String) name, fields);
        });
        return copy;
    }

    /** A pool whose usages the test sets; null usage: no longer valid. */
    static final class FakePool {
        final MemoryPoolMXBean bean;
        volatile MemoryUsage usage;
        volatile MemoryUsage collectionUsage;

        FakePool(String name, MemoryType type, String manager) {
            bean = (MemoryPoolMXBean) Proxy.newProxyInstance(FakePool.class.getClassLoader(),
                    new Class<?>[] {MemoryPoolMXBean.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getName":
                                return name;
                            case "getType":
                                return type;
                            case "getMemoryManagerNames":
                                return new String[] {manager};
                            case "getUsage":
                                return usage;
                            case "getCollectionUsage":
                                return type == MemoryType.HEAP ? collectionUsage : null;
                            case "isValid":
                                return usage != null;
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }

    private static List<MemoryPoolMXBean> beans(FakePool... pools) {
        List<MemoryPoolMXBean> beans = new ArrayList<>();
        for (FakePool pool : pools) {
            beans.add(pool.bean);
        }
        return beans;
    }
}
