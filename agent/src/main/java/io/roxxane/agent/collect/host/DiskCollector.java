package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.collect.ProcFile;
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
 * {@link #REFRESH_MS}, and each sample only reads the counters of the known disks: on Linux all at
 * once from /proc/diskstats (sectors there are always 512 bytes), elsewhere through OSHI.
 */
public final class DiskCollector implements Collector {
    static final long REFRESH_MS = 5 * 60_000L;
    private static final long SECTOR_BYTES = 512;

    private final HardwareAbstractionLayer hardware;
    private final ProcFile diskstats = new ProcFile("/proc/diskstats", 4_096);
    private final long[] totals = new long[4];
    /** One row's first seven counters, reused for every row of every sample. */
    private final long[] fields = new long[7];
    private boolean lastReadFromProc;
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
        }
        long rb;
        long wb;
        long r;
        long w;
        lastReadFromProc = !relisted && readDiskstats();
        if (lastReadFromProc) {
            rb = totals[1];
            wb = totals[3];
            r = totals[0];
            w = totals[2];
        } else {
            rb = 0;
            wb = 0;
            r = 0;
            w = 0;
            for (HWDiskStore disk : disks) {
                if (!relisted) {
                    disk.updateAttributes();
                }
                rb += disk.getReadBytes();
                wb += disk.getWriteBytes();
                r += disk.getReads();
                w += disk.getWrites();
            }
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

    /**
     * Reads, bytes read, writes, bytes written of the known disks from /proc/diskstats into
     * {@link #totals}; false if it cannot be read or lacks one of them.
     */
    private boolean readDiskstats() {
        if (!diskstats.read()) {
            return false;
        }
        totals[0] = 0;
        totals[1] = 0;
        totals[2] = 0;
        totals[3] = 0;
        int found = 0;
        int line = 0;
        while (line < diskstats.length()) {
            int nameStart = diskstats.skipBlanks(diskstats.skipField(diskstats.skipField(line))); // after major, minor
            int nameEnd = diskstats.skipField(nameStart);
            if (isKnownDisk(nameStart, nameEnd)) {
                // reads, reads merged, sectors read, ms reading, writes, writes merged, sectors written
                int at = nameEnd;
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = diskstats.number(at);
                    at = diskstats.skipField(at);
                }
                if (fields[0] < 0 || fields[2] < 0 || fields[4] < 0 || fields[6] < 0) {
                    return false;
                }
                totals[0] += fields[0];
                totals[1] += fields[2] * SECTOR_BYTES;
                totals[2] += fields[4];
                totals[3] += fields[6] * SECTOR_BYTES;
                found++;
            }
            while (line < diskstats.length() && diskstats.at(line) != '\n') {
                line++;
            }
            line++;
        }
        return found == disks.size();
    }

    private boolean isKnownDisk(int start, int end) {
        for (HWDiskStore disk : disks) {
            if (diskstats.regionEquals(start, end, kernelName(disk.getName()))) {
                return true;
            }
        }
        return false;
    }

    /** OSHI names a disk by its device node ({@code /dev/vda}); /proc/diskstats by the kernel's name ({@code vda}). */
    static String kernelName(String oshiName) {
        return oshiName.substring(oshiName.lastIndexOf('/') + 1);
    }

    /** Whether the last sample's counters came from /proc/diskstats (for tests). */
    boolean lastReadFromProc() {
        return lastReadFromProc;
    }

    private static List<String> names(List<HWDiskStore> disks) {
        List<String> names = new ArrayList<String>();
        for (HWDiskStore disk : disks) {
            names.add(disk.getName());
        }
        return names;
    }
}
