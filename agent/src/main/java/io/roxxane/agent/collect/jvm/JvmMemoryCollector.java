package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;

/**
 * The heap as the JVM reports it whole ({@link MemoryMXBean}: on HotSpot the collected heap's own
 * figures, not the sum of its pools). Non-heap and metaspace are sums and members of the pools,
 * which {@link MemoryPoolCollector} reads anyway.
 */
public final class JvmMemoryCollector implements Collector {
    private final MemoryMXBean memory;

    public JvmMemoryCollector() {
        this(ManagementFactory.getMemoryMXBean());
    }

    public JvmMemoryCollector(MemoryMXBean memory) {
        this.memory = memory;
    }

    @Override
    public void collect(Sample sample) {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        sample.set(Column.JVM_HEAP_USED_BYTES, heap.getUsed())
                .set(Column.JVM_HEAP_COMMITTED_BYTES, heap.getCommitted());
        if (heap.getMax() >= 0) {
            sample.set(Column.JVM_HEAP_MAX_BYTES, heap.getMax());
        }
    }
}
