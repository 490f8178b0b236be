package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/** Physical memory total and available (MemAvailable), swap total and used. */
public final class HostMemoryCollector implements Collector {
    private final GlobalMemory memory;

    public HostMemoryCollector(GlobalMemory memory) {
        this.memory = memory;
    }

    @Override
    public String name() {
        return "host-memory";
    }

    @Override
    public void collect(Sample sample) {
        VirtualMemory virtual = memory.getVirtualMemory();
        sample.set(Column.HOST_MEMORY_TOTAL_BYTES, memory.getTotal())
                .set(Column.HOST_MEMORY_AVAILABLE_BYTES, memory.getAvailable())
                .set(Column.HOST_SWAP_TOTAL_BYTES, virtual.getSwapTotal())
                .set(Column.HOST_SWAP_USED_BYTES, virtual.getSwapUsed());
    }
}
