package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.collect.ProcFiles;
import io.roxxane.agent.sample.Sample;
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
}
