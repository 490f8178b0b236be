package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/**
 * Physical memory total and available (MemAvailable), swap total and used: one read of
 * /proc/meminfo on Linux, OSHI elsewhere (and on kernels without MemAvailable).
 */
public final class HostMemoryCollector implements Collector {
    private final OshiFallback oshi;
    private final ProcFile meminfo;

    public HostMemoryCollector(OshiFallback oshi) {
        this(oshi, new ProcFile("/proc/meminfo", 2_048));
    }

    HostMemoryCollector(OshiFallback oshi, ProcFile meminfo) {
        this.oshi = oshi;
        this.meminfo = meminfo;
    }

    @Override
    public void collect(Sample sample) {
        if (meminfo.read()) {
            long total = meminfo.kbLineBytes("MemTotal:");
            long available = meminfo.kbLineBytes("MemAvailable:");
            long swapTotal = meminfo.kbLineBytes("SwapTotal:");
            long swapFree = meminfo.kbLineBytes("SwapFree:");
            if (total >= 0 && available >= 0 && swapTotal >= 0 && swapFree >= 0) {
                sample.set(Column.HOST_MEMORY_TOTAL_BYTES, total)
                        .set(Column.HOST_MEMORY_AVAILABLE_BYTES, available)
                        .set(Column.HOST_SWAP_TOTAL_BYTES, swapTotal)
                        .set(Column.HOST_SWAP_USED_BYTES, Math.max(0, swapTotal - swapFree));
                return;
            }
        }
        GlobalMemory memory = oshi.hardware().getMemory();
        VirtualMemory virtual = memory.getVirtualMemory();
        sample.set(Column.HOST_MEMORY_TOTAL_BYTES, memory.getTotal())
                .set(Column.HOST_MEMORY_AVAILABLE_BYTES, memory.getAvailable())
                .set(Column.HOST_SWAP_TOTAL_BYTES, virtual.getSwapTotal())
                .set(Column.HOST_SWAP_USED_BYTES, virtual.getSwapUsed());
    }
}
