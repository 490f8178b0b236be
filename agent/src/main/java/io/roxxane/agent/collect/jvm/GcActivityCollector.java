package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every garbage collector by its own name, with its collections and their time in the interval,
 * as its MXBean counts them. The collectors of concurrent cycles ("G1 Concurrent GC", "ZGC
 * Cycles", "ZGC Minor Cycles", "ZGC Major Cycles", "Shenandoah Cycles", CMS's "ConcurrentMarkSweep")
 * go to {@code jvm_gc_concurrent}, every other one (young, full, and the pause beans of ZGC and
 * Shenandoah) to {@code jvm_gc_pauses}. What a bean counts is its own: "ZGC Cycles" and
 * "Shenandoah Cycles" time whole cycles, most of it concurrent with the application, while
 * "G1 Concurrent GC" counts the Remark and Cleanup pauses of G1's concurrent cycles (two a cycle).
 *
 * <p>The beans are looked up once; the maps and their structs are reused from sample to sample
 * (the sample is encoded before the next collection).
 */
public final class GcActivityCollector implements Collector {
    private static final ColumnType ACTIVITY = Column.JVM_GC_PAUSES.type().valueType();
    private static final int COUNT = ACTIVITY.fieldNames().indexOf("count");
    private static final int TIME = ACTIVITY.fieldNames().indexOf("time_ms");

    private final GarbageCollectorMXBean[] beans;
    private final boolean[] concurrent;
    private final Deltas[] counts;
    private final Deltas[] times;
    private final Struct[] values;
    private final boolean[] valid;
    private final Map<String, Struct> pauses;
    private final Map<String, Struct> cycles;

    public GcActivityCollector() {
        this(ManagementFactory.getGarbageCollectorMXBeans());
    }

    public GcActivityCollector(List<GarbageCollectorMXBean> collectors) {
        if (collectors.isEmpty()) {
            throw new IllegalStateException("this JVM reports no garbage collectors");
        }
        int n = collectors.size();
        beans = collectors.toArray(new GarbageCollectorMXBean[n]);
        concurrent = new boolean[n];
        counts = new Deltas[n];
        times = new Deltas[n];
        values = new Struct[n];
        valid = new boolean[n];
        for (int i = 0; i < n; i++) {
            concurrent[i] = GcCollector.isConcurrentCycle(beans[i].getName());
            counts[i] = new Deltas();
            times[i] = new Deltas();
            values[i] = new Struct(ACTIVITY);
        }
        pauses = map(false, false);
        cycles = map(true, false);
    }

    /** The collectors of one kind: all of them, or those whose interval is known now. */
    private Map<String, Struct> map(boolean ofConcurrent, boolean onlyValid) {
        Map<String, Struct> map = new LinkedHashMap<String, Struct>(beans.length * 2);
        for (int i = 0; i < beans.length; i++) {
            if (concurrent[i] == ofConcurrent && (valid[i] || !onlyValid)) {
                map.put(beans[i].getName(), values[i]);
            }
        }
        return map;
    }

    @Override
    public void collect(Sample sample) {
        int known = 0;
        for (int i = 0; i < beans.length; i++) {
            long count = counts[i].next(beans[i].getCollectionCount());
            long time = times[i].next(beans[i].getCollectionTime());
            valid[i] = count >= 0 && time >= 0;
            if (valid[i]) {
                Structs.update(values[i], COUNT, "count", count);
                Structs.update(values[i], TIME, "time_ms", time);
                known++;
            }
        }
        if (known == beans.length) {
            sample.set(Column.JVM_GC_PAUSES, pauses).set(Column.JVM_GC_CONCURRENT, cycles);
        } else if (known > 0) {
            // a counter went back or is undefined: this interval's maps without that collector
            sample.set(Column.JVM_GC_PAUSES, map(false, true)).set(Column.JVM_GC_CONCURRENT, map(true, true));
        }
        // none known: the first sample, no interval yet
    }
}
