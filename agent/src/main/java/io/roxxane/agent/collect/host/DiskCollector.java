package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.util.ArrayList;
import java.util.List;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * Bytes and operations read and written over the interval, summed over whole disks (partitions
 * are not counted twice).
 *
 * <p>Listing disks costs milliseconds (device enumeration); it is done at start and every
 * {@link #REFRESH_MS}, and each sample only refreshes the counters of the known disks.
 */
public final class DiskCollector implements Collector {
    static final long REFRESH_MS = 5 * 60_000L;

    private final HardwareAbstractionLayer hardware;
    private List<HWDiskStore> disks;
    private long listedAtMillis;
    private final Deltas readBytes = new Deltas();
    private final Deltas writeBytes = new Deltas();
    private final Deltas reads = new Deltas();
    private final Deltas writes = new Deltas();

    public DiskCollector(HardwareAbstractionLayer hardware) {
        this.hardware = hardware;
        this.disks = hardware.getDiskStores();
        this.listedAtMillis = System.currentTimeMillis();
    }

    @Override
    public String name() {
        return "host-disk";
    }

    @Override
    public void collect(Sample sample) {
        long now = System.currentTimeMillis();
        boolean relisted = false;
        if (now - listedAtMillis >= REFRESH_MS) {
            List<HWDiskStore> fresh = hardware.getDiskStores();
            relisted = !names(fresh).equals(names(disks));
            disks = fresh;
            listedAtMillis = now;
        } else {
            for (HWDiskStore disk : disks) {
                disk.updateAttributes();
            }
        }
        long rb = 0;
        long wb = 0;
        long r = 0;
        long w = 0;
        for (HWDiskStore disk : disks) {
            rb += disk.getReadBytes();
            wb += disk.getWriteBytes();
            r += disk.getReads();
            w += disk.getWrites();
        }
        long drb = readBytes.next(rb);
        long dwb = writeBytes.next(wb);
        long dr = reads.next(r);
        long dw = writes.next(w);
        if (relisted || drb < 0 || dwb < 0 || dr < 0 || dw < 0) {
            return;
        }
        sample.set(Column.HOST_DISK_READ_BYTES, drb)
                .set(Column.HOST_DISK_WRITE_BYTES, dwb)
                .set(Column.HOST_DISK_READS, dr)
                .set(Column.HOST_DISK_WRITES, dw);
    }

    private static List<String> names(List<HWDiskStore> disks) {
        List<String> names = new ArrayList<String>();
        for (HWDiskStore disk : disks) {
            names.add(disk.getName());
        }
        return names;
    }
}
