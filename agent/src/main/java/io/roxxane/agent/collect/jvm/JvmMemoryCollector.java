package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;

/** Heap, non-heap and metaspace from the memory MXBeans. */
public final class JvmMemoryCollector implements Collector {
    private final MemoryMXBean memory;
    private final MemoryPoolMXBean metaspace;

    public JvmMemoryCollector() {
        this(ManagementFactory.getMemoryMXBean(), ManagementFactory.getMemoryPoolMXBeans());
    }

    public JvmMemoryCollector(MemoryMXBean memory, List<MemoryPoolMXBean> pools) {
        this.memory = memory;
        MemoryPoolMXBean found = null;
        for (MemoryPoolMXBean pool : pools) {
            if ("Metaspace".equals(pool.getName())) {
                found = pool;
            }
        }
        this.metaspace = found;
    }

    @Override
    public String name() {
        return "jvm-memory";
    }

    @Override
    public void collect(Sample sample) {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        sample.set(Column.JVM_HEAP_USED_BYTES, heap.getUsed())
                .set(Column.JVM_HEAP_COMMITTED_BYTES, heap.getCommitted())
                .set(Column.JVM_NONHEAP_USED_BYTES, nonHeap.getUsed())
                .set(Column.JVM_NONHEAP_COMMITTED_BYTES, nonHeap.getCommitted());
        if (heap.getMax() >= 0) {
            sample.set(Column.JVM_HEAP_MAX_BYTES, heap.getMax());
        }
        if (metaspace != null) {
            MemoryUsage usage = metaspace.getUsage();
            sample.set(Column.JVM_METASPACE_USED_BYTES, usage.getUsed())
                    .set(Column.JVM_METASPACE_COMMITTED_BYTES, usage.getCommitted());
        }
    }
}
