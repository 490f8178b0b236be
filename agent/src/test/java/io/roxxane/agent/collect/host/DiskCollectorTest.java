package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.hardware.HWDiskStore;

class DiskCollectorTest {
    private static final int MIB = 1024 * 1024;
    private static final Column[] COLUMNS = {
        Column.HOST_DISK_READS, Column.HOST_DISK_READ_BYTES, Column.HOST_DISK_WRITES, Column.HOST_DISK_WRITE_BYTES};

    @Test
    void disks_areTheDisksOshiLists() {
        List<String> oshi = new ArrayList<>();
        for (HWDiskStore disk : new oshi.nativefree.SystemInfo().getHardware().getDiskStores()) {
            oshi.add(disk.getName().substring(disk.getName().lastIndexOf('/') + 1));
        }
        Collections.sort(oshi);
        assertEquals(oshi, new DiskCollector(new OshiFallback()).disks());
    }

    @Test
    void listDisks_keepsOnlyEntriesBackedByADevice(@TempDir Path sysBlock) throws Exception {
        Files.createDirectories(sysBlock.resolve("nvme0n1/device"));
        Files.createDirectories(sysBlock.resolve("sda/device"));
        Files.createDirectories(sysBlock.resolve("loop0"));
        Files.createDirectories(sysBlock.resolve("dm-0/slaves"));
        assertEquals(List.of("nvme0n1", "sda"), DiskCollector.listDisks(sysBlock.toFile()));
        assertNull(DiskCollector.listDisks(sysBlock.resolve("absent").toFile()));
    }

    @Test
    void collect_whenProcDiskstatsMissing_oshiReadsTheSameCounters(@TempDir Path dir) throws Exception {
        writeDeltaGrowsLikeProcDiskstats(new DiskCollector(new OshiFallback(), Paths.get("/sys/block").toFile(),
                new ProcFile(dir.resolve("diskstats").toString(), 64)), false);
    }

    @Test
    void collect_whenFileWrittenAndSynced_writeDeltaGrowsLikeProcDiskstats() throws Exception {
        writeDeltaGrowsLikeProcDiskstats(new DiskCollector(new OshiFallback()), true);
    }

    private static void writeDeltaGrowsLikeProcDiskstats(DiskCollector collector, boolean fromProc) throws Exception {
        // The build directory, not java.io.tmpdir: /tmp may be a tmpfs that never reaches a disk.
        Path dir = Files.createDirectories(Paths.get("target", "disk-collector-test"));
        Path file = dir.resolve("written-" + ProcessHandle.current().pid());
        try {
            long[] d0 = ProcFiles.diskstatsWholeDisks();
            Sample first = new Sample();
            collector.collect(first);
            long[] d1 = ProcFiles.diskstatsWholeDisks();
            for (Column column : COLUMNS) {
                assertFalse(first.has(column), "the first sample has no interval: " + column.columnName());
            }
            writeAndSync(file, 32 * MIB);
            long[] d2 = ProcFiles.diskstatsWholeDisks();
            Sample second = new Sample();
            collector.collect(second);
            long[] d3 = ProcFiles.diskstatsWholeDisks();
            assertEquals(fromProc, collector.lastReadFromProc(), "where the counters came from");

            for (int i = 0; i < 4; i++) {
                long delta = second.getLong(COLUMNS[i], -1);
                assertTrue(delta >= d2[i] - d1[i] && delta <= d3[i] - d0[i],
                        COLUMNS[i].columnName() + " " + delta + " not in /proc/diskstats' [" + (d2[i] - d1[i]) + ", "
                                + (d3[i] - d0[i]) + "]");
            }
            if (d2[3] - d1[3] >= 32L * MIB) {
                // The disk under the build directory counts what it writes: so must the collector.
                assertTrue(second.getLong(Column.HOST_DISK_WRITE_BYTES, -1) >= 32L * MIB);
                assertTrue(second.getLong(Column.HOST_DISK_WRITES, -1) >= 1);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void writeAndSync(Path file, int bytes) throws Exception {
        ByteBuffer chunk = ByteBuffer.allocate(MIB);
        new java.util.Random(7).nextBytes(chunk.array());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int written = 0; written < bytes; written += MIB) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
            channel.force(true);
        }
    }

    @Test
    void collect_recordedDiskstats_perWholeDiskAndSummed(@TempDir Path dir) throws Exception {
        Path diskstats = dir.resolve("diskstats");
        Files.writeString(diskstats, Files.readString(Fixtures.path("disk/diskstats-1")));
        OshiFallback oshi = new OshiFallback();
        DiskCollector collector = new DiskCollector(oshi, Fixtures.path("disk/sys-block").toFile(),
                new ProcFile(diskstats.toString(), 64));
        assertEquals(List.of("nvme0n1", "nvme1n1"), collector.disks());
        Sample first = new Sample();
        collector.collect(first);
        assertFalse(first.has(Column.HOST_DISKS), "the first sample has no interval");
        Fixtures.rewrite(diskstats, Files.readString(Fixtures.path("disk/diskstats-2")));
        Sample second = new Sample();
        collector.collect(second);
        @SuppressWarnings("unchecked")
        Map<String, Struct> disks = (Map<String, Struct>) second.get(Column.HOST_DISKS);
        assertEquals(List.of("nvme0n1", "nvme1n1"), new ArrayList<>(disks.keySet()), "no partition, loop or dm device");
        Struct nvme0 = disks.get("nvme0n1");
        assertEquals(100L, nvme0.get("reads"));
        assertEquals(2_000L * 512, nvme0.get("read_bytes"));
        assertEquals(100L, nvme0.get("writes"));
        assertEquals(10_000L * 512, nvme0.get("write_bytes"));
        assertEquals(500L, nvme0.get("io_time_ms"));
        assertEquals(0L, disks.get("nvme1n1").get("io_time_ms"), "idle: 0, not null");
        assertEquals(100L, second.getLong(Column.HOST_DISK_READS, -1), "the sum over both disks");
        assertEquals(10_000L * 512, second.getLong(Column.HOST_DISK_WRITE_BYTES, -1));
        assertFalse(oshi.isBuilt());
    }

    @Test
    void collect_perDisk_liesWithinProcDiskstatsAroundTheInterval() throws Exception {
        DiskCollector collector = new DiskCollector(new OshiFallback());
        Map<String, long[]> d0 = perDisk();
        collector.collect(new Sample());
        Map<String, long[]> d1 = perDisk();
        Path written = Files.createDirectories(Paths.get("target", "disk-collector-test"))
                .resolve("per-disk-" + ProcessHandle.current().pid());
        writeAndSync(written, 4 * MIB);
        Files.delete(written);
        Map<String, long[]> d2 = perDisk();
        Sample second = new Sample();
        collector.collect(second);
        Map<String, long[]> d3 = perDisk();
        @SuppressWarnings("unchecked")
        Map<String, Struct> disks = (Map<String, Struct>) second.get(Column.HOST_DISKS);
        assertEquals(d0.keySet(), new java.util.TreeSet<>(disks.keySet()));
        String[] fields = {"reads", "read_bytes", "writes", "write_bytes", "io_time_ms"};
        for (Map.Entry<String, Struct> disk : disks.entrySet()) {
            for (int i = 0; i < fields.length; i++) {
                long delta = (Long) disk.getValue().get(fields[i]);
                long low = d2.get(disk.getKey())[i] - d1.get(disk.getKey())[i];
                long high = d3.get(disk.getKey())[i] - d0.get(disk.getKey())[i];
                assertTrue(delta >= low && delta <= high,
                        disk.getKey() + " " + fields[i] + " " + delta + " not in [" + low + ", " + high + "]");
            }
        }
    }

    /** Reads, read bytes, writes, written bytes, busy ms per whole disk of /proc/diskstats (with /sys/block/NAME/device). */
    private static Map<String, long[]> perDisk() {
        Map<String, long[]> disks = new java.util.TreeMap<>();
        for (String line : ProcFiles.lines("/proc/diskstats")) {
            String[] f = line.trim().split("\\s+");
            if (new java.io.File("/sys/block/" + f[2] + "/device").exists()) {
                disks.put(f[2], new long[] {Long.parseLong(f[3]), Long.parseLong(f[5]) * 512, Long.parseLong(f[7]),
                    Long.parseLong(f[9]) * 512, Long.parseLong(f[12])});
            }
        }
        return disks;
    }
}
