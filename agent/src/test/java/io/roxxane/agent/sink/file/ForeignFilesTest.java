package io.roxxane.agent.sink.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.files.FileOwner;
import io.roxxane.agent.files.ForeignFixture;
import io.roxxane.agent.files.OwnedTree;
import io.roxxane.agent.files.Snapshot;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.SampleEncoder;
import io.roxxane.agent.stats.AgentStats;
import io.roxxane.schema.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #24 on real files: a {@code dir} that already holds other people's files, some with the
 * sink's suffix, some in partition-like folders, links to files and folders outside, a link loop.
 * The sink writes, caps and salvages around them and leaves every one byte for byte as it was.
 */
class ForeignFilesTest {
    private static final long HOUR_10 = Instant.parse("2026-03-04T10:15:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final long LONG_AGO = ForeignFixture.LONG_AGO;

    @TempDir
    Path temp;

    private Path dir;
    private Path outside;
    private final AgentStats stats = new AgentStats();
    private final SampleEncoder encoder = new SampleEncoder();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void redirectLog() {
        AgentLog.redirectForTests(new PrintStream(err, true));
    }

    @AfterEach
    void restoreLog() {
        AgentLog.redirectForTests(null);
    }

    private FileSink sink(long maxDisk) throws IOException {
        return new FileSink(dir.toFile(), FileOwner.probe(dir), stats, 1 << 20, HOUR, maxDisk);
    }

    private EncodedSample sample(long ts, long seq) {
        return encoder.encodeForSink(new Sample().set(Column.TS, ts).set(Column.SEQ, seq).set(Column.SERVICE, "svc")
                .set(Column.INSTANCE_ID, "i-1").set(Column.JVM_HEAP_USED_BYTES, 1_000 + seq));
    }

    private List<Path> ownFiles() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\.?part-.*-[0-9a-f]{8}-\\d+(-salvaged)?\\.json\\.gz(\\.inprogress)?"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    // the fixture's look-alikes: all in 2026-03-04 hour 09 or under service=Svc, where the sink never writes
                    .filter(p -> !p.getParent().endsWith("day=04/hour=09") && !p.startsWith(dir.resolve("service=Svc")))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long ownBytes() {
        return ownFiles().stream().mapToLong(p -> p.toFile().length()).sum();
    }

    private void setUp(int bigBytes) throws IOException {
        dir = Files.createDirectories(temp.resolve("data"));
        outside = Files.createDirectories(temp.resolve("outside"));
        ForeignFixture.create(dir, outside, bigBytes);
    }

    @Test
    void sink_writesAndCaps_aroundForeignFiles_leavingThemAsTheyWere() throws IOException {
        setUp(2 << 20);
        Snapshot dirBefore = Snapshot.of(dir);
        Snapshot outsideBefore = Snapshot.of(outside);

        FileSink sink = sink(1 << 20); // 1 MiB, half the foreign app log alone
        for (int i = 0; i < 600; i++) {
            sink.accept(sample(HOUR_10 + i * 6_000L, i)); // an hour of samples, across 10:15 to 11:15
        }
        sink.close(System.nanoTime());

        dirBefore.assertIntactIn(Snapshot.of(dir));
        outsideBefore.assertIntactIn(Snapshot.of(outside));
        assertEquals(2, ownFiles().size(), "hour 10 and hour 11, none deleted: " + ownFiles());
        assertEquals(600, stats.sentRecords());
        List<String> lines = List.of(err.toString().split("\n"));
        assertEquals(1, lines.stream().filter(l -> l.contains("holds what the agent did not write")).count(), err.toString());
        assertEquals("[roxxane] dir='" + dir + "' holds what the agent did not write: 14 entries (6 files, 2 folders,"
                + " 6 symbolic links), e.g. " + dir.resolve(".export.json.gz.inprogress") + "; it never reads, counts"
                + " against max_disk, changes or deletes them, and never follows a symbolic link", lines.get(0));
    }

    @Test
    void cap_countsOnlyOwnFiles_foreignDataLargerThanTheCapChangesNothing() throws IOException {
        setUp(3 << 20);
        Snapshot dirBefore = Snapshot.of(dir);
        long cap = 64 << 10;
        FileSink sink = sink(cap);
        // one file per hour, a few KiB each: 12 hours stay well under the cap
        for (int h = 0; h < 12; h++) {
            for (int i = 0; i < 20; i++) {
                sink.accept(sample(HOUR_10 + h * HOUR + i * 1_000L, h * 20L + i));
            }
        }
        sink.close(System.nanoTime());
        List<Path> own = ownFiles();
        assertEquals(12, own.size(), "under the cap no own file goes, whatever the foreign data weighs");
        assertTrue(ownBytes() < cap);
        dirBefore.assertIntactIn(Snapshot.of(dir));
    }

    @Test
    void cap_overTheCap_deletesOnlyTheOldestOwnFiles_andOnlyAsManyAsNeeded() throws IOException {
        setUp(3 << 20);
        Snapshot foreignBefore = Snapshot.of(dir);
        long cap = 64 << 10;
        FileSink first = sink(Long.MAX_VALUE);
        Random random = new Random(1);
        List<Long> sizes = new ArrayList<>();
        for (int h = 0; h < 40; h++) {
            for (int i = 0; i < 20; i++) { // incompressible tags make each file a few KiB
                byte[] noise = new byte[200];
                random.nextBytes(noise);
                first.accept(encoder.encodeForSink(new Sample().set(Column.TS, HOUR_10 + h * HOUR + i).set(Column.SEQ, (long) i)
                        .set(Column.SERVICE, "svc").set(Column.INSTANCE_ID, java.util.Base64.getEncoder().encodeToString(noise))));
            }
        }
        first.close(System.nanoTime());
        List<Path> all = ownFiles();
        assertEquals(40, all.size());
        for (int i = 0; i < all.size(); i++) { // oldest hour, oldest file
            Files.setLastModifiedTime(all.get(i), FileTime.fromMillis(LONG_AGO + byHour(all.get(i)) * HOUR));
        }
        List<Path> byAge = all.stream().sorted((a, b) -> Long.compare(byHour(a), byHour(b))).collect(Collectors.toList());
        for (Path p : byAge) {
            sizes.add(p.toFile().length());
        }

        // what a sink does as it starts (FileSink.create) and after each file it closes
        new DiskCap(new OwnedTree(dir, SinkLayout.INSTANCE, FileOwner.probe(dir)), cap,
                new OrphanSalvage("ffffffff", FileSink.ORPHAN_AFTER_MILLIS)).enforce(null);

        List<Path> kept = ownFiles();
        long keptBytes = ownBytes();
        assertTrue(keptBytes <= cap, keptBytes + " > " + cap);
        int deleted = all.size() - kept.size();
        assertTrue(deleted > 0);
        assertEquals(byAge.subList(deleted, byAge.size()).stream().sorted().collect(Collectors.toList()), kept,
                "the oldest went, the newest stayed");
        assertTrue(keptBytes + sizes.get(deleted - 1) > cap, "no file deleted that the cap did not require");
        foreignBefore.only(p -> !p.contains("part-") || p.contains("ABCD") || p.contains("20260305")
                || p.contains("091600Z") || p.contains("service=Svc")).assertIntactIn(Snapshot.of(dir));
        assertTrue(Files.isDirectory(dir.resolve("service=svc/year=2026")), "holds a foreign file: stays");
    }

    private long byHour(Path file) {
        String name = file.getFileName().toString();
        int t = name.indexOf('T');
        return Instant.parse(name.substring(5, 9) + "-" + name.substring(9, 11) + "-" + name.substring(11, 13) + "T"
                + name.substring(t + 1, t + 3) + ":00:00Z").toEpochMilli() / HOUR;
    }

    @Test
    void sink_createsOwnerOnlyFoldersAndFiles() throws IOException {
        dir = Files.createDirectories(temp.resolve("data"));
        FileSink sink = sink(Long.MAX_VALUE);
        sink.accept(sample(HOUR_10, 0));
        Path hour = dir.resolve("service=svc/year=2026/month=03/day=04/hour=10");
        Path inProgress;
        try (Stream<Path> files = Files.list(hour)) {
            inProgress = files.findFirst().orElseThrow();
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(inProgress)));
        sink.close(System.nanoTime());
        for (Path p = hour; !p.equals(dir); p = p.getParent()) {
            assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(ownFiles().get(0))));
    }

    @Test
    void sink_refusesToWriteThroughALinkWithItsPartitionName() throws IOException {
        dir = Files.createDirectories(temp.resolve("data"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("service=svc"), outside);
        FileSink sink = sink(Long.MAX_VALUE);
        sink.accept(sample(HOUR_10, 0));
        sink.close(System.nanoTime());
        assertEquals(0, outside.toFile().list().length, "nothing written through the link");
        assertEquals(1, stats.droppedSamples());
        assertTrue(err.toString().contains("is a symbolic link, not a folder"), err.toString());
    }
}
