package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every memory pool by its own name ("G1 Eden Space", "ZHeap", "Metaspace", "CodeHeap 'profiled
 * nmethods'", …): heap or not, used, committed, max (absent where undefined) and, for heap pools,
 * used after the last collection of the pool, absent until the JVM has recorded one. From the
 * same pass: the code cache (the sum of the code pools), non-heap (the sum of the non-heap pools,
 * as {@code MemoryMXBean.getNonHeapMemoryUsage} adds them up) and metaspace (the "Metaspace" pool).
 *
 * <p>The pools are looked up once. The map and its structs are reused from sample to sample (the
 * sample is encoded before the next collection); a pool that becomes invalid is dropped.
 */
public final class MemoryPoolCollector implements Collector {
    private static final ColumnType POOL = Column.JVM_MEMORY_POOLS.type().valueType();
    private static final int USED = POOL.fieldNames().indexOf("used_bytes");
    private static final int COMMITTED = POOL.fieldNames().indexOf("committed_bytes");
    private static final int MAX = POOL.fieldNames().indexOf("max_bytes");
    private static final int USED_AFTER_GC = POOL.fieldNames().indexOf("used_after_gc_bytes");

    private MemoryPoolMXBean[] pools;
    private boolean[] heap;
    private boolean[] code;
    /** Whether the JVM has recorded a collection of the pool (sticky: then a used-after-GC of 0 is real). */
    private boolean[] collected;
    private Struct[] values;
    private Map<String, Struct> byName;
    /** Index of the "Metaspace" pool, or -1. */
    private int metaspace = -1;
    private boolean anyCodePool;
    private boolean anyNonHeapPool;

    public MemoryPoolCollector() {
        this(ManagementFactory.getMemoryPoolMXBeans());
    }

    public MemoryPoolCollector(List<MemoryPoolMXBean> pools) {
        if (pools.isEmpty()) {
            throw new IllegalStateException("this JVM reports no memory pools");
        }
        int n = pools.size();
        this.pools = pools.toArray(new MemoryPoolMXBean[n]);
        heap = new boolean[n];
        code = new boolean[n];
        collected = new boolean[n];
        values = new Struct[n];
        for (int i = 0; i < n; i++) {
            heap[i] = this.pools[i].getType() == MemoryType.HEAP;
            code[i] = isCodeCache(this.pools[i]);
            values[i] = new Struct(POOL).set("heap", heap[i]);
        }
        indexPools();
    }

    /** The indexes and flags that depend on which pools there are. */
    private void indexPools() {
        metaspace = -1;
        anyCodePool = false;
        anyNonHeapPool = false;
        for (int i = 0; i < pools.length; i++) {
            if ("Metaspace".equals(pools[i].getName())) {
                metaspace = i;
            }
            anyCodePool |= code[i];
            anyNonHeapPool |= !heap[i];
        }
        byName = map();
    }

    /**
     * A pool of compiled code: managed by HotSpot's CodeCacheManager ("CodeHeap '…'" segments, or
     * the one "Code Cache" without segments), or OpenJ9's "JIT code cache".
     */
    static boolean isCodeCache(MemoryPoolMXBean pool) {
        String name = pool.getName();
        if (name.startsWith("CodeHeap '") || name.equals("Code Cache") || name.equals("JIT code cache")) {
            return true;
        }
        String[] managers = pool.getMemoryManagerNames();
        if (managers != null) {
            for (String manager : managers) {
                if ("CodeCacheManager".equals(manager)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Map<String, Struct> map() {
        Map<String, Struct> map = new LinkedHashMap<String, Struct>(pools.length * 2);
        for (int i = 0; i < pools.length; i++) {
            map.put(pools[i].getName(), values[i]);
        }
        return map;
    }

    @Override
    public void collect(Sample sample) {
        long codeUsed = 0;
        long nonHeapUsed = 0;
        long nonHeapCommitted = 0;
        MemoryUsage metaspaceUsage = null;
        int invalid = -1;
        for (int i = 0; i < pools.length; i++) {
            MemoryUsage usage = pools[i].getUsage();
            if (usage == null) {
                invalid = i; // the pool is no longer valid
                continue;
            }
            if (!heap[i]) {
                nonHeapUsed += usage.getUsed();
                nonHeapCommitted += usage.getCommitted();
                if (i == metaspace) {
                    metaspaceUsage = usage;
                }
            }
            Struct pool = values[i];
            long max = usage.getMax();
            if (max < 0 && pool.get(MAX) != null) {
                pool = fresh(i); // a max that became undefined: a struct without it
            }
            Structs.update(pool, USED, "used_bytes", usage.getUsed());
            Structs.update(pool, COMMITTED, "committed_bytes", usage.getCommitted());
            if (max >= 0) {
                Structs.update(pool, MAX, "max_bytes", max);
            }
            if (heap[i]) {
                MemoryUsage afterGc = pools[i].getCollectionUsage();
                if (afterGc != null && (collected[i] || afterGc.getCommitted() > 0 || afterGc.getUsed() > 0)) {
                    // Before its first collection the JVM reports 0 used and 0 committed: no figure yet.
                    collected[i] = true;
                    Structs.update(pool, USED_AFTER_GC, "used_after_gc_bytes", afterGc.getUsed());
                }
            }
            if (code[i]) {
                codeUsed += usage.getUsed();
            }
        }
        if (invalid >= 0) {
            drop(invalid);
            collect(sample);
            return;
        }
        sample.set(Column.JVM_MEMORY_POOLS, byName);
        if (anyCodePool) {
            sample.set(Column.JVM_CODE_CACHE_USED_BYTES, codeUsed);
        }
        if (anyNonHeapPool) {
            sample.set(Column.JVM_NONHEAP_USED_BYTES, nonHeapUsed)
                    .set(Column.JVM_NONHEAP_COMMITTED_BYTES, nonHeapCommitted);
        }
        if (metaspaceUsage != null) {
            sample.set(Column.JVM_METASPACE_USED_BYTES, metaspaceUsage.getUsed())
                    .set(Column.JVM_METASPACE_COMMITTED_BYTES, metaspaceUsage.getCommitted());
        }
    }

    private Struct fresh(int i) {
        values[i] = new Struct(POOL).set("heap", heap[i]);
        byName = map();
        return values[i];
    }

    private void drop(int i) {
        int n = pools.length - 1;
        if (n == 0) {
            throw new IllegalStateException("no valid memory pool is left");
        }
        pools = without(pools, new MemoryPoolMXBean[n], i);
        values = without(values, new Struct[n], i);
        heap = without(heap, i);
        code = without(code, i);
        collected = without(collected, i);
        indexPools();
    }

    private static <T> T[] without(T[] from, T[] to, int i) {
        System.arraycopy(from, 0, to, 0, i);
        System.arraycopy(from, i + 1, to, i, to.length - i);
        return to;
    }

    private static boolean[] without(boolean[] from, int i) {
        boolean[] to = new boolean[from.length - 1];
        System.arraycopy(from, 0, to, 0, i);
        System.arraycopy(from, i + 1, to, i, to.length - i);
        return to;
    }
}
