package io.roxxane.agent.spool;

import static io.roxxane.agent.spool.SpoolLogTest.line;
import static io.roxxane.agent.spool.SpoolLogTest.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdoptionTest {
    @TempDir
    Path dir;

    private SpoolLog open(String stream) throws Exception {
        return SpoolLog.open(dir.toFile(), UUID.randomUUID().toString(), stream, 64L << 20);
    }

    @Test
    void run_takesOverWhatAStoppedInstanceLeftFromItsAcknowledgedPositionOn() throws Exception {
        SpoolLog dead = open(SpoolLogTest.STREAM);
        for (long seq = 0; seq < 100; seq++) {
            dead.append(line(seq, 500), System.nanoTime());
        }
        List<SpoolPosition> ends = new ArrayList<>();
        int[] n = {0};
        dead.read(l -> n[0]++ < 40);
        ends.add(dead.read(l -> false).end);
        dead.acknowledge(ends.get(0)); // the first 40 reached Firehose
        dead.close(); // as a killed JVM leaves it: lock gone, files there

        SpoolLog own = open(SpoolLogTest.STREAM);
        Adoption.Result result = new Adoption(own).run();

        assertEquals(60, result.samples);
        assertEquals(SpoolLogTest.LongList.range(40, 100), readAll(own, 1_000, new ArrayList<>()));
        assertEquals(0, otherInstancesFiles(own), "the stopped instance's files are gone");
        own.close();
    }

    @Test
    void run_leavesALiveInstanceAlone() throws Exception {
        SpoolLog alive = open(SpoolLogTest.STREAM);
        alive.append(line(1, 500), System.nanoTime());
        SpoolLog own = open(SpoolLogTest.STREAM);
        assertEquals(0, new Adoption(own).run().samples);
        assertTrue(otherInstancesFiles(own) > 0);
        alive.close();
        own.close();
    }

    @Test
    void run_leavesSamplesForAnotherStreamAlone() throws Exception {
        SpoolLog other = open("another-stream");
        other.append(line(1, 500), System.nanoTime());
        other.close();
        SpoolLog own = open(SpoolLogTest.STREAM);
        Adoption.Result result = new Adoption(own).run();
        assertEquals(0, result.samples);
        assertEquals(List.of("another-stream"), result.otherStreams);
        assertTrue(otherInstancesFiles(own) > 0);
        own.close();
    }

    @Test
    void run_onATornTail_keepsEveryWholeSampleAndCountsTheDamage() throws Exception {
        SpoolLog dead = open(SpoolLogTest.STREAM);
        for (long seq = 0; seq < 50; seq++) {
            dead.append(line(seq, 500), System.nanoTime());
        }
        dead.close();
        File segment = segmentsOf(dead.instanceId()).get(0);
        try (RandomAccessFile file = new RandomAccessFile(segment, "rw")) {
            file.setLength(file.length() - 200); // killed in the middle of the last write
        }
        SpoolLog own = open(SpoolLogTest.STREAM);
        Adoption.Result result = new Adoption(own).run();
        assertEquals(49, result.samples);
        assertEquals(1, result.damagedRegions);
        assertEquals(SpoolLogTest.LongList.range(0, 49), readAll(own, 1_000, new ArrayList<>()));
        own.close();
    }

    @Test
    void run_onACorruptStretch_skipsOnlyTheDamagedSamples() throws Exception {
        SpoolLog dead = open(SpoolLogTest.STREAM);
        for (long seq = 0; seq < 50; seq++) {
            dead.append(line(seq, 500), System.nanoTime());
        }
        dead.close();
        File segment = segmentsOf(dead.instanceId()).get(0);
        try (RandomAccessFile file = new RandomAccessFile(segment, "rw")) {
            file.seek(file.length() / 2);
            file.write(new byte[300]); // zeros over about one sample in the middle
        }
        SpoolLog own = open(SpoolLogTest.STREAM);
        Adoption.Result result = new Adoption(own).run();
        List<Long> seqs = readAll(own, 1_000, new ArrayList<>());
        assertEquals(1, result.damagedRegions);
        assertTrue(seqs.size() >= 48 && seqs.size() <= 49, "only the damaged sample(s) lost: " + seqs);
        assertEquals(seqs.size(), result.samples);
        own.close();
    }

    @Test
    void run_takesOverTheBatchFilesOfSpoolFormatOne() throws Exception {
        writeLegacy(new File(dir.toFile(), String.format("%019d.spool", 0)), 0, 30);
        writeLegacy(new File(dir.toFile(), String.format("%019d.spool", 1)), 30, 20);
        Files.write(dir.resolve("spool.lock"), new byte[0]);
        SpoolLog own = open(SpoolLogTest.STREAM);
        Adoption.Result result = new Adoption(own).run();
        assertEquals(50, result.samples);
        assertEquals(SpoolLogTest.LongList.range(0, 50), readAll(own, 1_000, new ArrayList<>()));
        assertTrue(!new File(dir.toFile(), String.format("%019d.spool", 0)).exists());
        assertTrue(!new File(dir.toFile(), "spool.lock").exists());
        own.close();
    }

    @Test
    void run_neverTouchesFilesThatAreNotTheSpools() throws Exception {
        Path foreign = Files.write(dir.resolve("notes.log"), "mine".getBytes());
        Path lookalike = Files.write(dir.resolve("roxxane-spool-not-a-uuid-0000000001.log"), "x".getBytes());
        SpoolLog own = open(SpoolLogTest.STREAM);
        new Adoption(own).run();
        own.close();
        assertEquals("mine", Files.readString(foreign));
        assertEquals("x", Files.readString(lookalike));
    }

    /** A format-1 batch file: one record holding {@code count} sample lines from {@code first}. */
    private static void writeLegacy(File file, long first, int count) throws Exception {
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        for (long seq = first; seq < first + count; seq++) {
            record.write(line(seq, 300));
        }
        try (DataOutputStream out = new DataOutputStream(new FileOutputStream(file))) {
            out.write("RXSPOOL1".getBytes());
            out.writeInt(1);
            out.writeInt(count);
            out.writeInt(count);
            out.writeInt(record.size());
            out.write(record.toByteArray());
        }
    }

    private List<File> segmentsOf(String instance) {
        List<File> files = new ArrayList<>();
        for (File file : dir.toFile().listFiles()) {
            if (SpoolFiles.SEGMENT.matcher(file.getName()).matches() && file.getName().contains(instance)) {
                files.add(file);
            }
        }
        return files;
    }

    private int otherInstancesFiles(SpoolLog own) {
        int count = 0;
        for (File file : dir.toFile().listFiles()) {
            String instance = SpoolFiles.instanceOf(file.getName());
            if (instance != null && !instance.equals(own.instanceId())) {
                count++;
            }
        }
        return count;
    }
}
