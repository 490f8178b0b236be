package io.roxxane.agent.sink.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.files.FileOwner;
import io.roxxane.agent.files.OwnedTree;
import io.roxxane.agent.files.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed while its file sink had a file open leaves a hidden, torn gzip file: its whole
 * lines come back as a closed file; a file a live agent may still be writing is left alone.
 */
class OrphanSalvageTest {
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path root;

    private DiskCap cap() throws Exception {
        return new DiskCap(new OwnedTree(root, SinkLayout.INSTANCE, FileOwner.probe(root)), Long.MAX_VALUE,
                new OrphanSalvage("ffffffff", 2 * HOUR));
    }

    /** What a killed writer leaves: a gzip stream of {@code lines} plus half a line, without its trailer. */
    private File tornFile(Path dir, String name, int lines) throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(whole)) {
            for (int i = 0; i < lines; i++) {
                gzip.write(("{\"ts\":" + (1_700_000_000_000L + i) + ",\"seq\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
            }
            gzip.write("{\"ts\":17000".getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = whole.toByteArray();
        File file = Files.createDirectories(dir).resolve(name).toFile();
        Files.write(file.toPath(), Arrays.copyOf(bytes, bytes.length - 8)); // no CRC and size trailer
        return file;
    }

    private static String gunzip(File file) throws Exception {
        try (InputStream in = new GZIPInputStream(new FileInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void enforce_whenAStoppedAgentLeftATornFile_itsWholeLinesBecomeAClosedFile() throws Exception {
        Path partition = root.resolve("service=svc/year=2023/month=11/day=14/hour=22");
        File orphan = tornFile(partition, ".part-20231114T221320Z-abcd1234-0.json.gz.inprogress", 50);
        assertTrue(orphan.setLastModified(System.currentTimeMillis() - 3 * HOUR));

        cap().enforce(null);

        assertFalse(orphan.exists(), "the torn file is gone");
        File salvaged = partition.resolve("part-20231114T221320Z-abcd1234-0-salvaged.json.gz").toFile();
        assertTrue(salvaged.isFile(), Arrays.toString(partition.toFile().list()));
        String[] lines = gunzip(salvaged).split("\n");
        assertEquals(50, lines.length, "every whole line, not the torn one");
        assertEquals("{\"ts\":1700000000049,\"seq\":49}", lines[49]);
    }

    @Test
    void enforce_whenTheFileMayStillBeWritten_leavesItAlone() throws Exception {
        Path partition = root.resolve("service=svc/year=2023/month=11/day=14/hour=22");
        File live = tornFile(partition, ".part-20231114T221320Z-abcd1234-1.json.gz.inprogress", 5);
        assertTrue(live.setLastModified(System.currentTimeMillis() - HOUR / 2));

        cap().enforce(null);

        assertTrue(live.exists());
        assertEquals(1, partition.toFile().list().length);
    }

    @Test
    void enforce_whenNotEvenAHeaderWasWritten_deletesTheEmptyOrphan() throws Exception {
        Path partition = Files.createDirectories(root.resolve("service=svc/year=2023/month=11/day=14/hour=22"));
        File empty = Files.write(partition.resolve(".part-20231114T221320Z-abcd1234-2.json.gz.inprogress"), new byte[0]).toFile();
        assertTrue(empty.setLastModified(System.currentTimeMillis() - 3 * HOUR));

        cap().enforce(null);

        assertFalse(empty.exists());
    }

    private static final String PARTITION = "service=svc/year=2023/month=11/day=14/hour=22";

    @Test
    void enforce_thisSinksOwnLeftover_isSalvagedAtOnce() throws Exception {
        Path partition = root.resolve(PARTITION);
        File leftover = tornFile(partition, ".part-20231114T221320Z-ffffffff-3.json.gz.inprogress", 7);
        File another = tornFile(partition, ".part-20231114T221320Z-abcd1234-3.json.gz.inprogress", 7);

        cap().enforce(null);

        assertFalse(leftover.exists(), "the sink's own leftover: nobody writes it");
        assertEquals(7, gunzip(partition.resolve("part-20231114T221320Z-ffffffff-3-salvaged.json.gz").toFile())
                .split("\n").length);
        assertTrue(another.exists(), "another agent's recent file may still be written");
    }

    @Test
    void enforce_theFileTheSinkWrites_isLeftAlone() throws Exception {
        File open = tornFile(root.resolve(PARTITION), ".part-20231114T221320Z-ffffffff-4.json.gz.inprogress", 3);
        cap().enforce(open.getName());
        assertTrue(open.exists());
    }

    @Test
    void enforce_anEmptyFileOfAnyAgent_goesAfterAMinute() throws Exception {
        Path partition = Files.createDirectories(root.resolve(PARTITION));
        File young = Files.write(partition.resolve(".part-20231114T221320Z-abcd1234-5.json.gz.inprogress"), new byte[0]).toFile();
        File old = Files.write(partition.resolve(".part-20231114T221320Z-abcd1234-6.json.gz.inprogress"), new byte[0]).toFile();
        assertTrue(young.setLastModified(System.currentTimeMillis() - 30_000));
        assertTrue(old.setLastModified(System.currentTimeMillis() - 2 * OrphanSalvage.EMPTY_AFTER_MILLIS));

        cap().enforce(null);

        assertTrue(young.exists());
        assertFalse(old.exists());
        assertEquals(List.of(young.getName()), List.of(partition.toFile().list()), "no salvaged file from nothing");
    }

    @Test
    void enforce_whenAnotherAgentIsSalvagingTheSameFile_leavesItToIt() throws Exception {
        Path partition = root.resolve(PARTITION);
        File orphan = tornFile(partition, ".part-20231114T221320Z-abcd1234-7.json.gz.inprogress", 9);
        assertTrue(orphan.setLastModified(System.currentTimeMillis() - 3 * HOUR));
        Path theirs = Files.write(partition.resolve(".part-20231114T221320Z-abcd1234-7-salvaged.json.gz.inprogress"),
                new byte[] {1, 2, 3}); // fresh: being written

        cap().enforce(null);

        assertTrue(orphan.exists());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(theirs));
        assertEquals(2, partition.toFile().list().length);
    }

    @Test
    void enforce_aSalvageThatDiedHalfway_isRedoneFromTheOriginal_once() throws Exception {
        Path partition = root.resolve(PARTITION);
        File orphan = tornFile(partition, ".part-20231114T221320Z-abcd1234-8.json.gz.inprogress", 12);
        File halfSalvage = tornFile(partition, ".part-20231114T221320Z-abcd1234-8-salvaged.json.gz.inprogress", 4);
        assertTrue(orphan.setLastModified(System.currentTimeMillis() - 3 * HOUR));
        assertTrue(halfSalvage.setLastModified(System.currentTimeMillis() - 3 * HOUR));

        cap().enforce(null);

        assertEquals(List.of("part-20231114T221320Z-abcd1234-8-salvaged.json.gz"), List.of(partition.toFile().list()));
        assertEquals(12, gunzip(partition.resolve("part-20231114T221320Z-abcd1234-8-salvaged.json.gz").toFile())
                .split("\n").length, "all lines of the original, not the half copy");
    }

    @Test
    void enforce_anOrphanAlreadySalvaged_isDeleted_theSalvageUntouched() throws Exception {
        Path partition = root.resolve(PARTITION);
        File orphan = tornFile(partition, ".part-20231114T221320Z-abcd1234-9.json.gz.inprogress", 5);
        assertTrue(orphan.setLastModified(System.currentTimeMillis() - 3 * HOUR));
        Path done = Files.write(partition.resolve("part-20231114T221320Z-abcd1234-9-salvaged.json.gz"), new byte[] {4, 2});

        cap().enforce(null);

        assertFalse(orphan.exists());
        assertArrayEquals(new byte[] {4, 2}, Files.readAllBytes(done));
    }

    @Test
    void enforce_inProgressLookAlikes_areNotTouched() throws Exception {
        Path partition = Files.createDirectories(root.resolve(PARTITION));
        List<Path> lookAlikes = List.of(partition.resolve(".part-foo.json.gz.inprogress"),
                partition.resolve(".part-20231114T221320Z-ABCD1234-0.json.gz.inprogress"),
                partition.resolve(".part-20231115T221320Z-abcd1234-0.json.gz.inprogress"), // another day
                root.resolve(".part-20231114T221320Z-abcd1234-0.json.gz.inprogress"), // not in a partition
                root.resolve("service=svc/.part-20231114T221320Z-abcd1234-0.json.gz.inprogress"));
        for (Path p : lookAlikes) {
            Files.write(p, new byte[0]);
            assertTrue(p.toFile().setLastModified(System.currentTimeMillis() - 3 * HOUR));
        }
        Snapshot before = Snapshot.of(root);

        cap().enforce(null);

        before.assertIntactIn(Snapshot.of(root));
    }

    @Test
    void salvagedName_dropsTheHiddenPrefixAndInProgressSuffix_andMarksOnce() {
        assertEquals("part-a-1-salvaged.json.gz", SinkLayout.salvagedName(".part-a-1.json.gz.inprogress"));
        assertEquals("part-a-1-salvaged.json.gz", SinkLayout.salvagedName(".part-a-1-salvaged.json.gz.inprogress"));
    }
}
