package io.roxxane.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolLogTest {
    static final String STREAM = "test-stream";

    @TempDir
    Path dir;

    static byte[] line(long seq, int size) {
        StringBuilder s = new StringBuilder("{\"seq\":" + seq + ",\"pad\":\"");
        while (s.length() < size - 3) {
            s.append('x');
        }
        return s.append("\"}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static long seqOf(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        return Long.parseLong(text.replaceAll("(?s)^\\{\"seq\":(\\d+).*", "$1"));
    }

    /** Reads everything unread, in batches of at most {@code perBatch} lines. */
    static List<Long> readAll(SpoolLog log, int perBatch, List<SpoolPosition> ends) throws Exception {
        List<Long> seqs = new ArrayList<>();
        while (true) {
            int[] taken = {0};
            SpoolRead read = log.read(line -> {
                if (taken[0] == perBatch) {
                    return false;
                }
                taken[0]++;
                seqs.add(seqOf(line));
                return true;
            });
            if (read.samples == 0) {
                return seqs;
            }
            ends.add(read.end);
        }
    }

    private SpoolLog open(long maxBytes) throws Exception {
        return SpoolLog.open(dir.toFile(), UUID.randomUUID().toString(), STREAM, maxBytes);
    }

    @Test
    void readAndAcknowledge_inOrderAcrossSegments_thenRemovesWhatIsDelivered() throws Exception {
        SpoolLog log = open(1L << 20); // 128 KiB segments
        for (long seq = 0; seq < 1_000; seq++) {
            assertTrue(log.append(line(seq, 1_000), System.nanoTime()));
        }
        assertTrue(segments().size() >= 7, "rolled into segments: " + segments());
        List<SpoolPosition> ends = new ArrayList<>();
        List<Long> seqs = readAll(log, 150, ends);
        assertEquals(LongList.range(0, 1_000), seqs);
        assertEquals(0, log.unreadBytes());
        assertEquals(1_000, log.unacknowledgedSamples());

        log.acknowledge(ends.get(2)); // 450 delivered
        assertEquals(550, log.unacknowledgedSamples());
        log.acknowledge(ends.get(ends.size() - 1));
        assertEquals(0, log.unacknowledgedSamples());
        assertEquals(1, segments().size(), "only the segment being written stays");
        log.close();
        assertEquals(List.of(), segments(), "all delivered: nothing left");
        assertFalse(Files.list(dir).findAny().isPresent(), "no lock or ack file left either");
    }

    @Test
    void enforceCap_dropsTheOldestSegmentsAndCountsTheirUndeliveredSamples() throws Exception {
        SpoolLog log = open(1L << 20);
        for (long seq = 0; seq < 3_000; seq++) {
            log.append(line(seq, 1_000), System.nanoTime());
        }
        long dropped = log.enforceCap();
        assertTrue(dropped > 0);
        long total = segments().stream().mapToLong(File::length).sum();
        assertTrue(total <= (1L << 20), "under the cap: " + total);
        List<Long> left = readAll(log, 500, new ArrayList<>());
        assertEquals(3_000, left.size() + dropped, "every sample either left or counted");
        assertEquals(LongList.range(3_000 - left.size(), 3_000), left, "the newest are kept, in order");
        log.close();
    }

    @Test
    void files_areNotWritableByGroupOrOthers() throws Exception {
        SpoolLog log = open(1L << 20);
        log.append(line(0, 100), System.nanoTime());
        for (File file : dir.toFile().listFiles()) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file.toPath()));
            assertEquals("rw-r-----", mode, file.getName());
        }
        log.close();
    }

    private List<File> segments() {
        List<File> files = new ArrayList<>();
        for (File file : dir.toFile().listFiles()) {
            if (SpoolFiles.SEGMENT.matcher(file.getName()).matches()) {
                files.add(file);
            }
        }
        return files;
    }

    /** Longs from..to-1. */
    static final class LongList {
        static List<Long> range(long from, long to) {
            List<Long> list = new ArrayList<>();
            for (long i = from; i < to; i++) {
                list.add(i);
            }
            return list;
        }
    }
}
