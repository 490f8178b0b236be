package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Direct and mapped NIO buffers. */
public final class BufferPoolCollector implements Collector {
    private final BufferPoolMXBean direct;
    private final BufferPoolMXBean mapped;

    public BufferPoolCollector() {
        this(ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class));
    }

    public BufferPoolCollector(List<BufferPoolMXBean> pools) {
        BufferPoolMXBean foundDirect = null;
        BufferPoolMXBean foundMapped = null;
        for (BufferPoolMXBean pool : pools) {
            if ("direct".equals(pool.getName())) {
                foundDirect = pool;
            } else if ("mapped".equals(pool.getName())) {
                foundMapped = pool;
            }
        }
        if (foundDirect == null && foundMapped == null) {
            throw new IllegalStateException("no direct or mapped buffer pool MXBean in this JVM");
        }
        this.direct = foundDirect;
        this.mapped = foundMapped;
    }

    @Override
    public void collect(Sample sample) {
        if (direct != null) {
            sample.set(Column.JVM_BUFFER_DIRECT_BYTES, direct.getMemoryUsed())
                    .set(Column.JVM_BUFFER_DIRECT_COUNT, direct.getCount());
        }
        if (mapped != null) {
            sample.set(Column.JVM_BUFFER_MAPPED_BYTES, mapped.getMemoryUsed())
                    .set(Column.JVM_BUFFER_MAPPED_COUNT, mapped.getCount());
        }
    }
}
