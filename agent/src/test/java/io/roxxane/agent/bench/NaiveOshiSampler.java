package io.roxxane.agent.bench;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.DefaultCollectors;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.collect.NamedCollector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.CgroupInfo;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The baseline: the same facts read the obvious way on every sample. The JVM side uses the agent's
 * own MXBean collectors (they are microseconds either way); the host side asks OSHI afresh each
 * time, new lists included: disks, file stores, network interfaces, the current process.
 */
public final class NaiveOshiSampler {
    private final HardwareAbstractionLayer hal;
    private final OperatingSystem os;
    private final List<Collector> jvmCollectors = new ArrayList<>();
    private long[] previousTicks;
    private final Deltas[] net = {new Deltas(), new Deltas(), new Deltas(), new Deltas()};
    private final Deltas[] disk = {new Deltas(), new Deltas(), new Deltas(), new Deltas()};

    public NaiveOshiSampler() {
        oshi.nativefree.SystemInfo system = new oshi.nativefree.SystemInfo();
        this.hal = system.getHardware();
        this.os = system.getOperatingSystem();
        for (NamedCollector named : DefaultCollectors.create().collectors()) {
            Collector collector = named.collector();
            if (collector.getClass().getPackage().getName().endsWith(".jvm")) {
                jvmCollectors.add(collector);
            }
        }
    }

    public void collectInto(Sample sample) throws Exception {
        for (Collector collector : jvmCollectors) {
            collector.collect(sample);
        }
        CentralProcessor processor = hal.getProcessor();
        long[] ticks = processor.getSystemCpuLoadTicks();
        if (previousTicks != null) {
            sample.set(Column.HOST_CPU_UTILIZATION, processor.getSystemCpuLoadBetweenTicks(previousTicks, ticks));
        }
        previousTicks = ticks;
        double[] load = processor.getSystemLoadAverage(3);
        sample.set(Column.HOST_LOAD_1M, load[0]).set(Column.HOST_LOAD_5M, load[1]).set(Column.HOST_LOAD_15M, load[2]);
        sample.set(Column.HOST_CPU_COUNT, processor.getLogicalProcessorCount());

        GlobalMemory memory = hal.getMemory();
        sample.set(Column.HOST_MEMORY_TOTAL_BYTES, memory.getTotal())
                .set(Column.HOST_MEMORY_AVAILABLE_BYTES, memory.getAvailable())
                .set(Column.HOST_SWAP_TOTAL_BYTES, memory.getVirtualMemory().getSwapTotal())
                .set(Column.HOST_SWAP_USED_BYTES, memory.getVirtualMemory().getSwapUsed());

        long[] n = new long[4];
        for (NetworkIF nif : hal.getNetworkIFs()) {
            NetworkInterface java = nif.queryNetworkInterface();
            if (java != null && java.isLoopback()) {
                continue;
            }
            n[0] += nif.getBytesRecv();
            n[1] += nif.getBytesSent();
            n[2] += nif.getPacketsRecv();
            n[3] += nif.getPacketsSent();
        }
        setDeltas(sample, net, n, Column.HOST_NET_RX_BYTES, Column.HOST_NET_TX_BYTES, Column.HOST_NET_RX_PACKETS,
                Column.HOST_NET_TX_PACKETS);

        long[] d = new long[4];
        for (HWDiskStore store : hal.getDiskStores()) {
            d[0] += store.getReadBytes();
            d[1] += store.getWriteBytes();
            d[2] += store.getReads();
            d[3] += store.getWrites();
        }
        setDeltas(sample, disk, d, Column.HOST_DISK_READ_BYTES, Column.HOST_DISK_WRITE_BYTES, Column.HOST_DISK_READS,
                Column.HOST_DISK_WRITES);

        for (OSFileStore store : os.getFileSystem().getFileStores()) {
            if ("/".equals(store.getMount())) {
                sample.set(Column.HOST_FS_ROOT_TOTAL_BYTES, store.getTotalSpace())
                        .set(Column.HOST_FS_ROOT_FREE_BYTES, store.getUsableSpace());
            }
        }
        sample.set(Column.HOST_UPTIME_S, os.getSystemUptime());
        OSProcess self = os.getCurrentProcess();
        if (self != null) {
            sample.set(Column.PROCESS_RSS_BYTES, self.getResidentMemory());
        }
        CgroupInfo cgroup = os.getCgroupInfo();
        if (cgroup.getCpuQuota() > 0 && cgroup.getCpuPeriod() > 0) {
            sample.set(Column.CONTAINER_CPU_LIMIT, (double) cgroup.getCpuQuota() / cgroup.getCpuPeriod());
        }
        if (cgroup.getMemoryLimit() > 0 && cgroup.getMemoryLimit() < Long.MAX_VALUE / 2) {
            sample.set(Column.CONTAINER_MEMORY_LIMIT_BYTES, cgroup.getMemoryLimit());
        }
    }

    private static void setDeltas(Sample sample, Deltas[] deltas, long[] values, Column... columns) {
        for (int i = 0; i < columns.length; i++) {
            long delta = deltas[i].next(values[i]);
            if (delta >= 0) {
                sample.set(columns[i], delta);
            }
        }
    }
}
