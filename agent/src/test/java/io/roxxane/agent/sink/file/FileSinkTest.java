package io.roxxane.agent.sink.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.files.FileOwner;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.SampleEncoder;
import io.roxxane.agent.stats.AgentStats;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    private static final long HOUR_10 = Instant.parse("2026-03-04T10:15:00Z").toEpochMilli();
    private static final long HOUR_11 = Instant.parse("2026-03-04T11:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final AgentStats stats = new AgentStats();
    private final SampleEncoder encoder = new SampleEncoder();

    private EncodedSample sample(String service, long ts, long seq) {
        return encoder.encodeForSink(new Sample().set(Column.TS, ts).set(Column.SEQ, seq).set(Column.SERVICE, service)
                .set(Column.INSTANCE_ID, "i-1").set(Column.JVM_HEAP_USED_BYTES, 1_000 + seq)
                .set(Column.HOST_CPU_UTILIZATION, 0.5));
    }

    private FileSink sink(long rollSize, long rollTime, long maxDisk) {
        try {
            return new FileSink(dir.toFile(), FileOwner.probe(dir), stats, rollSize, rollTime, maxDisk);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Path> visibleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().collect(Collectors.toList());
        }
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> lines(Path gz) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new FileInputStream(gz.toFile())), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void accept_writesUnderThePartitionPath_visibleOnlyWhenClosed() throws IOException {
        FileSink sink = sink(1 << 20, 3_600_000, 1L << 30);
        sink.accept(sample("Checkout API", HOUR_10, 0));
        sink.accept(sample("Checkout API", HOUR_10 + 1_000, 1));
        assertTrue(visibleFiles().isEmpty(), "an open file is hidden from readers");
        assertEquals(1, allFiles().size());
        assertTrue(allFiles().get(0).getFileName().toString().startsWith("."));

        sink.close(System.nanoTime() + 1_000_000_000L);
        List<Path> files = visibleFiles();
        assertEquals(1, files.size());
        assertEquals("service=checkout-api/year=2026/month=03/day=04/hour=10",
                dir.relativize(files.get(0).getParent()).toString());
        List<String> lines = lines(files.get(0));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"ts\":" + HOUR_10 + ",\"service\":\"Checkout API\""), lines.get(0));
        assertEquals(1, allFiles().size(), "nothing left in progress");
        assertEquals(2, stats.sentRecords());
    }

    @Test
    void accept_newHour_closesTheFileAndOpensOneInTheNewPartition() throws IOException {
        FileSink sink = sink(1 << 20, 3_600_000, 1L << 30);
        sink.accept(sample("svc", HOUR_10, 0));
        sink.accept(sample("svc", HOUR_11, 1));
        assertEquals(1, visibleFiles().size(), "hour 10 closed at the boundary");
        sink.close(System.nanoTime());
        List<Path> files = visibleFiles();
        assertEquals(2, files.size());
        assertTrue(files.get(1).toString().contains("hour=11"), files.toString());
    }

    @Test
    void accept_rollSizeReached_closesTheFile() throws IOException {
        int rollSize = 64 * 1024;
        FileSink sink = sink(rollSize, 3_600_000, 1L << 30);
        int accepted = 0;
        while (visibleFiles().size() < 3) {
            sink.accept(sample("svc", HOUR_10 + accepted, accepted));
            accepted++;
        }
        sink.close(System.nanoTime());
        List<Path> files = visibleFiles();
        assertEquals(3, files.size(), "the third roll happened on the last sample: nothing left open");
        int total = 0;
        for (int i = 0; i < files.size(); i++) {
            List<String> lines = lines(files.get(i));
            long bytes = lines.stream().mapToLong(l -> l.length() + 1).sum();
            assertTrue(bytes >= rollSize && bytes < rollSize + 200, "rolled at the size: " + bytes);
            total += lines.size();
        }
        assertEquals(accepted, total, "no sample lost or duplicated across rolls");
    }

    @Test
    void tick_rollTimeReached_closesTheFile() throws IOException {
        FileSink sink = sink(1 << 20, 1_000, 1L << 30);
        sink.accept(sample("svc", HOUR_10, 0));
        sink.tick(System.currentTimeMillis());
        assertTrue(visibleFiles().isEmpty());
        sink.tick(System.currentTimeMillis() + 1_000);
        assertEquals(1, visibleFiles().size());
    }

    @Test
    void fileTime_isTheUtcTimeOfTheFirstSample_asSimpleDateFormatWritesIt() {
        java.text.SimpleDateFormat reference = new java.text.SimpleDateFormat("yyyyMMdd'T'HHmmss'Z'", java.util.Locale.ROOT);
        reference.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        java.util.Random random = new java.util.Random(11);
        List<Long> instants = new ArrayList<>(List.of(PartitionRule.MIN_TS_MS, PartitionRule.MAX_TS_MS,
                951_782_400_000L /* 2000-02-29 */, 1_700_000_000_999L, 1_704_067_199_999L /* 2023-12-31T23:59:59.999 */));
        for (int i = 0; i < 20_000; i++) {
            instants.add(PartitionRule.MIN_TS_MS
                    + (long) (random.nextDouble() * (PartitionRule.MAX_TS_MS - PartitionRule.MIN_TS_MS)));
        }
        for (long ts : instants) {
            assertEquals(reference.format(new java.util.Date(ts)),
                    FileSink.fileTime(PartitionRule.keysFor("svc", ts), ts), "ts " + ts);
        }
    }

    @Test
    void close_thenAccept_dropsAndCounts() {
        FileSink sink = sink(1 << 20, 3_600_000, 1L << 30);
        sink.close(System.nanoTime());
        sink.accept(sample("svc", HOUR_10, 0));
        assertEquals(1, stats.droppedSamples());
    }

    @Test
    void diskCap_deletesOldestClosedFilesFirst() throws IOException {
        long cap = 4 * 1024;
        FileSink sink = sink(64 * 1024, 3_600_000, cap);
        // one file per hour, each a few hundred bytes compressed
        long hour = 3_600_000L;
        for (int h = 0; h < 40; h++) {
            for (int i = 0; i < 5; i++) {
                sink.accept(sample("svc", HOUR_10 + h * hour + i, h * 5L + i));
            }
        }
        sink.close(System.nanoTime());
        long total = 0;
        for (Path file : allFiles()) {
            total += Files.size(file);
        }
        assertTrue(total <= cap, "total " + total + " over cap " + cap);
        List<Path> kept = visibleFiles();
        assertFalse(kept.isEmpty());
        assertTrue(kept.get(kept.size() - 1).toString().contains("day=06/hour=01"), "the newest file is kept: " + kept);
        assertFalse(kept.get(0).toString().contains("day=04/hour=10"), "the oldest file is gone: " + kept);
        try (Stream<Path> dirs = Files.walk(dir)) {
            assertTrue(dirs.filter(Files::isDirectory).filter(d -> !d.equals(dir))
                    .allMatch(d -> d.toFile().list().length > 0), "empty partition folders are removed");
        }
    }

    @Test
    void create_unwritableDirectory_failsWithAClearLine() throws IOException {
        File file = dir.resolve("a-file").toFile();
        assertTrue(file.createNewFile());
        ConfigException e = assertThrows(ConfigException.class, () -> FileSink.checkWritable(file));
        assertTrue(e.getMessage().startsWith("invalid dir='" + file.getPath() + "': it exists and is not a directory"),
                e.getMessage());
        File underFile = new File(file, "child");
        e = assertThrows(ConfigException.class, () -> FileSink.checkWritable(underFile));
        assertTrue(e.getMessage().contains("cannot be created"), e.getMessage());
    }

    @Test
    void accept_diskProblem_dropsCountsAndRecovers() throws IOException {
        FileSink sink = sink(1 << 20, 3_600_000, 1L << 30);
        // a regular file where the partition folder must go
        Path blocker = dir.resolve("service=svc");
        Files.write(blocker, new byte[] {1});
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        io.roxxane.agent.log.AgentLog.redirectForTests(new java.io.PrintStream(err, true));
        try {
            sink.accept(sample("svc", HOUR_10, 0));
            sink.accept(sample("svc", HOUR_10, 1));
        } finally {
            io.roxxane.agent.log.AgentLog.redirectForTests(null);
        }
        assertEquals(2, stats.droppedSamples());
        assertEquals(1, err.toString().split("\n").length, "one line, rate-limited: " + err);
        Files.delete(blocker);
        sink.accept(sample("svc", HOUR_10, 2));
        sink.close(System.nanoTime());
        assertEquals(1, visibleFiles().size());
    }

    @Test
    void duckDb_readsTheDirectoryAsAHivePartitionedDataSet() throws Exception {
        FileSink sink = sink(1 << 20, 3_600_000, 1L << 30);
        for (int i = 0; i < 10; i++) {
            sink.accept(sample("orders", HOUR_10 + i * 1_000, i));
            sink.accept(sample("Checkout API", HOUR_11 + i * 1_000, i));
        }
        sink.close(System.nanoTime());
        String glob = dir.toString().replace('\\', '/') + "/**/*.json.gz";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT service, year, month, day, hour, count(*) AS n, "
                        + "max(seq) AS max_seq, sum(jvm_heap_used_bytes) AS heap FROM read_json('" + glob
                        + "', hive_partitioning = true, format = 'newline_delimited') "
                        + "GROUP BY ALL ORDER BY service")) {
            assertTrue(rows.next());
            assertEquals("checkout-api", rows.getString("service"), "the partition value is the sanitised name");
            assertEquals("2026", rows.getString("year"));
            assertEquals("03", rows.getString("month"));
            assertEquals("04", rows.getString("day"));
            assertEquals("11", rows.getString("hour"));
            assertEquals(10, rows.getLong("n"));
            assertEquals(9, rows.getLong("max_seq"));
            assertEquals(10 * 1_000 + 45, rows.getLong("heap"));
            assertTrue(rows.next());
            assertEquals("orders", rows.getString("service"));
            assertEquals("10", rows.getString("hour"));
            assertFalse(rows.next());
        }
    }
}
