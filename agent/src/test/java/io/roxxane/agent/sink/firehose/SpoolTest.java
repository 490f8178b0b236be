package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.config.ConfigException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path temp;

    private static List<PackedRecord> batch(String text, int samples) {
        return List.of(new PackedRecord(text.getBytes(StandardCharsets.UTF_8), samples));
    }

    @Test
    void open_whenFilesAreLeftFromAnEarlierRun_replaysThemInOrderAndKeepsNewKeysAfterThem() throws Exception {
        File dir = temp.toFile();
        Spool first = Spool.open(dir, 1L << 20);
        first.write(first.reserveKey(), batch("a\n", 1), -1);
        first.write(first.reserveKey(), batch("b\nc\n", 2), -1);
        first.close();

        Spool second = Spool.open(dir, 1L << 20);
        assertEquals(2, second.fileCount());
        assertEquals(3, second.samples());
        long head = second.headKey();
        assertArrayEquals("a\n".getBytes(StandardCharsets.UTF_8), second.read(head).get(0).data());
        second.remove(head);
        assertArrayEquals("b\nc\n".getBytes(StandardCharsets.UTF_8), second.read(second.headKey()).get(0).data());
        assertTrue(second.reserveKey() > second.headKey());
        second.close();
    }

    @Test
    void write_whenTheCapIsReached_deletesTheOldestFilesAndReportsTheirSamples() throws Exception {
        Spool spool = Spool.open(temp.toFile(), 1L << 20);
        String big = "x".repeat(400_000) + "\n";
        assertEquals(0, spool.write(spool.reserveKey(), batch(big, 10), -1));
        assertEquals(0, spool.write(spool.reserveKey(), batch(big, 20), -1));
        long lost = spool.write(spool.reserveKey(), batch(big, 30), -1);
        assertEquals(10, lost, "the oldest file went");
        assertEquals(2, spool.fileCount());
        assertTrue(spool.totalBytes() <= 1L << 20);
        spool.close();
    }

    @Test
    void write_whenTheOldestIsBeingSent_keepsItAndEvictsTheNext() throws Exception {
        Spool spool = Spool.open(temp.toFile(), 1L << 20);
        String big = "x".repeat(400_000) + "\n";
        long inFlight = spool.reserveKey();
        spool.write(inFlight, batch(big, 10), -1);
        spool.write(spool.reserveKey(), batch(big, 20), -1);
        assertEquals(20, spool.write(spool.reserveKey(), batch(big, 30), inFlight));
        assertEquals(inFlight, spool.headKey());
        spool.close();
    }

    @Test
    void write_whenABatchIsLargerThanTheCap_keepsNothingAndReportsItsSamples() throws Exception {
        Spool spool = Spool.open(temp.toFile(), 1L << 20);
        assertEquals(7, spool.write(spool.reserveKey(), batch("x".repeat(1_100_000), 7), -1));
        assertTrue(spool.isEmpty());
        spool.close();
    }

    @Test
    void read_whenAFileIsDamaged_failsAndDiscardCountsItsSamples() throws Exception {
        Spool spool = Spool.open(temp.toFile(), 1L << 20);
        long key = spool.reserveKey();
        spool.write(key, batch("abc\n", 4), -1);
        spool.close();
        File file = temp.toFile().listFiles((d, n) -> n.endsWith(Spool.SUFFIX))[0];
        byte[] bytes = Files.readAllBytes(file.toPath());
        Files.write(file.toPath(), java.util.Arrays.copyOf(bytes, bytes.length - 2));

        Spool reopened = Spool.open(temp.toFile(), 1L << 20);
        assertThrows(IOException.class, () -> reopened.read(key));
        assertEquals(4, reopened.discard(key));
        assertTrue(reopened.isEmpty());
        reopened.close();
    }

    @Test
    void open_whenAnotherOwnerHoldsTheSpool_runsWithout() throws Exception {
        Spool owner = Spool.open(temp.toFile(), 1L << 20);
        assertNull(Spool.open(temp.toFile(), 1L << 20));
        owner.close();
    }

    @Test
    void open_whenTheDirectoryCannotBeCreated_namesTheSetting() throws Exception {
        File notADir = temp.resolve("file").toFile();
        Files.writeString(notADir.toPath(), "x");
        ConfigException e = assertThrows(ConfigException.class, () -> Spool.open(new File(notADir, "sub"), 1L << 20));
        assertTrue(e.getMessage().contains("spool="), e.getMessage());
    }
}
