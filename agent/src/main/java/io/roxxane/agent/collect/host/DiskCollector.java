package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.Every;
import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.collect.SummedCounters;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Per disk ({@code host_disks}, {@link DiskCounters}): the same disks' reads, writes, bytes
 * and busy time in the interval, from /proc/diskstats only (null where it cannot be read); a disk
 * listed since the last sample has its first figures at the next one.
 */
public final class DiskCollector implements Collector {
    static final long REFRESH_MS = 5 * 60_000L;

    private final OshiFallback oshi;
    private final File sysBlock;
    private final ProcFile diskstats;
    private final SummedCounters summed = new SummedCounters(Column.HOST_DISK_READS, Column.HOST_DISK_READ_BYTES,
            Column.HOST_DISK_WRITES, Column.HOST_DISK_WRITE_BYTES);
    private final long[] totals = summed.totals();
    /** The disks by kernel name; null when /sys/block cannot be listed. */
    private List<String> disks;
    /** Each disk's counters, in the order of {@link #disks}. */
    private DiskCounters[] counters = new DiskCounters[0];
    /** Which disks had a row in this read of /proc/diskstats. */
    private boolean[] seen = new boolean[0];
    private List<HWDiskStore> oshiDisks;
    private final Every relisting = Every.millis(REFRESH_MS).fromNow();
    private boolean lastReadFromProc;

    public DiskCollector(OshiFallback oshi) {
        this(oshi, new File("/sys/block"), new ProcFile("/proc/diskstats", 4_096));
    }

    DiskCollector(OshiFallback oshi, File sysBlock, ProcFile diskstats) {
        this.oshi = oshi;
        this.sysBlock = sysBlock;
        this.diskstats = diskstats;
        this.disks = listDisks(sysBlock);
        keepCounters();
    }

    @Override
    public void collect(Sample sample) {
        boolean relisted = false;
        if (relisting.due()) {
            List<String> fresh = listDisks(sysBlock);
            relisted = fresh == null ? disks != null : !fresh.equals(disks);
            disks = fresh;
            keepCounters();
            if (oshiDisks != null) {
                List<HWDiskStore> freshOshi = oshi.hardware().getDiskStores();
                relisted |= !oshiNames(freshOshi).equals(oshiNames(oshiDisks));
                oshiDisks = freshOshi;
            }
        }
        boolean fromProc = disks != null && readDiskstats();
        if (disks != null) {
            sample.set(Column.HOST_DISKS, perDisk());
        }
        if (!fromProc) {
            readThroughOshi();
        }
        boolean sourceChanged = fromProc != lastReadFromProc;
        lastReadFromProc = fromProc;
        summed.report(sample, relisted || sourceChanged);
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

    /** One {@link DiskCounters} per listed disk, those of disks listed before kept with their readings. */
    private void keepCounters() {
        int count = disks == null ? 0 : disks.size();
        DiskCounters[] fresh = new DiskCounters[count];
        for (int i = 0; i < count; i++) {
            String name = disks.get(i);
            for (DiskCounters old : counters) {
                if (old.name.equals(name)) {
                    fresh[i] = old;
                }
            }
            if (fresh[i] == null) {
                fresh[i] = new DiskCounters(name);
            }
        }
        counters = fresh;
        seen = new boolean[count];
    }

    /**
     * Reads the known disks' rows of /proc/diskstats and sums reads, bytes read, writes, bytes
     * written into {@link #totals}; false if it cannot be read, lacks one of them or has a row
     * that does not parse.
     */
    private boolean readDiskstats() {
        Arrays.fill(seen, false);
        boolean read = diskstats.read();
        boolean parsed = read;
        int line = 0;
        while (read && line < diskstats.length()) {
            int nameStart = diskstats.skipBlanks(diskstats.skipField(diskstats.skipField(line))); // after major, minor
            int nameEnd = diskstats.skipField(nameStart);
            for (int i = 0; i < counters.length; i++) {
                if (!seen[i] && diskstats.regionEquals(nameStart, nameEnd, counters[i].name)) {
                    seen[i] = true;
                    parsed &= counters[i].read(diskstats, nameEnd);
                    break;
                }
            }
            line = diskstats.nextLine(line);
        }
        Arrays.fill(totals, 0);
        boolean all = parsed;
        for (int i = 0; i < counters.length; i++) {
            if (!seen[i]) {
                counters[i].missed();
                all = false;
                continue;
            }
            totals[0] += counters[i].now(DiskCounters.READS);
            totals[1] += counters[i].now(DiskCounters.READ_BYTES);
            totals[2] += counters[i].now(DiskCounters.WRITES);
            totals[3] += counters[i].now(DiskCounters.WRITE_BYTES);
        }
        return all;
    }

    /** Each disk with two readings: its counters' increase since the one before. */
    private Map<String, Struct> perDisk() {
        Map<String, Struct> perDisk = new LinkedHashMap<String, Struct>(counters.length * 2);
        for (DiskCounters disk : counters) {
            Struct deltas = disk.deltas();
            if (deltas != null) {
                perDisk.put(disk.name, deltas);
            }
        }
        return perDisk;
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
