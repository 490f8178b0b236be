package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import oshi.hardware.HWDiskStore;

/**
 * Bytes and operations read and written over the interval, summed over whole disks (partitions
 * are not counted twice).
 *
 * <p>On Linux the disks are the entries of /sys/block backed by a device (as OSHI lists them:
 * {@code vda}, {@code nvme0n1}, but not {@code loop0}, {@code zram0} or {@code dm-0}), listed at
 * start and every {@link #REFRESH_MS}; each sample reads their counters all at once from
 * /proc/diskstats (sectors there are always 512 bytes). Where those cannot be read, OSHI lists
 * the disks and reads their counters. An interval in which the disks or the source changed
 * reports no delta.
 */
public final class DiskCollector implements Collector {
    static final long REFRESH_MS = 5 * 60_000L;
    private static final long SECTOR_BYTES = 512;

    private final OshiFallback oshi;
    private final File sysBlock;
    private final ProcFile diskstats;
    private final long[] totals = new long[4];
    /** One row's first seven counters, reused for every row of every sample. */
    private final long[] fields = new long[7];
    /** The disks by kernel name; null when /sys/block cannot be listed. */
    private List<String> disks;
    private List<HWDiskStore> oshiDisks;
    private long listedAtMillis;
    private boolean lastReadFromProc;
    private final Deltas readBytes = new Deltas();
    private final Deltas writeBytes = new Deltas();
    private final Deltas reads = new Deltas();
    private final Deltas writes = new Deltas();

    public DiskCollector(OshiFallback oshi) {
        this(oshi, new File("/sys/block"), new ProcFile("/proc/diskstats", 4_096));
    }

    DiskCollector(OshiFallback oshi, File sysBlock, ProcFile diskstats) {
        this.oshi = oshi;
        this.sysBlock = sysBlock;
        this.diskstats = diskstats;
        this.disks = listDisks(sysBlock);
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
            List<String> fresh = listDisks(sysBlock);
            relisted = fresh == null ? disks != null : !fresh.equals(disks);
            disks = fresh;
            if (oshiDisks != null) {
                List<HWDiskStore> freshOshi = oshi.hardware().getDiskStores();
                relisted |= !oshiNames(freshOshi).equals(oshiNames(oshiDisks));
                oshiDisks = freshOshi;
            }
            listedAtMillis = now;
        }
        boolean fromProc = disks != null && readDiskstats();
        if (!fromProc) {
            readThroughOshi();
        }
        boolean sourceChanged = fromProc != lastReadFromProc;
        lastReadFromProc = fromProc;
        long dr = reads.next(totals[0]);
        long drb = readBytes.next(totals[1]);
        long dw = writes.next(totals[2]);
        long dwb = writeBytes.next(totals[3]);
        if (relisted || sourceChanged || drb < 0 || dwb < 0 || dr < 0 || dw < 0) {
            return;
        }
        sample.set(Column.HOST_DISK_READ_BYTES, drb)
                .set(Column.HOST_DISK_WRITE_BYTES, dwb)
                .set(Column.HOST_DISK_READS, dr)
                .set(Column.HOST_DISK_WRITES, dw);
    }

    /**
     * The whole disks under {@code sysBlock}: entries with a {@code device} link, sorted; null if
     * the directory cannot be listed.
     */
    static List<String> listDisks(File sysBlock) {
        String[] names = sysBlock.list();
        if (names == null) {
            return null;
        }
        List<String> disks = new ArrayList<String>();
        for (String name : names) {
            if (new File(new File(sysBlock, name), "device").exists()) {
                disks.add(name);
            }
        }
        Collections.sort(disks);
        return disks;
    }

    /**
     * Reads, bytes read, writes, bytes written of the known disks from /proc/diskstats into
     * {@link #totals}; false if it cannot be read or lacks one of them.
     */
    private boolean readDiskstats() {
        if (!diskstats.read()) {
            return false;
        }
        Arrays.fill(totals, 0);
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
        for (int i = 0; i < disks.size(); i++) {
            if (diskstats.regionEquals(start, end, disks.get(i))) {
                return true;
            }
        }
        return false;
    }

    private void readThroughOshi() {
        boolean listedNow = oshiDisks == null;
        if (listedNow) {
            oshiDisks = oshi.hardware().getDiskStores();
        }
        Arrays.fill(totals, 0);
        for (HWDiskStore disk : oshiDisks) {
            if (!listedNow) {
                disk.updateAttributes();
            }
            totals[0] += disk.getReads();
            totals[1] += disk.getReadBytes();
            totals[2] += disk.getWrites();
            totals[3] += disk.getWriteBytes();
        }
    }

    /** Whether the last sample's counters came from /proc/diskstats (for tests). */
    boolean lastReadFromProc() {
        return lastReadFromProc;
    }

    /** The disks counted from /proc/diskstats (for tests). */
    List<String> disks() {
        return disks;
    }

    private static List<String> oshiNames(List<HWDiskStore> disks) {
        List<String> names = new ArrayList<String>();
        for (HWDiskStore disk : disks) {
            names.add(disk.getName());
        }
        return names;
    }
}
