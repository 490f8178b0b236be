import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Size of one JVM-day of samples as JSON lines, gzip JSON and Parquet (written by DuckDB).
 *
 * <p>Input: a file-sink directory of real samples (any interval). They are replayed, in seq order
 * and cyclically, as one UTC day at INTERVAL seconds: only "ts", "seq" and "interval_ms" change,
 * every other byte of each line is the agent's own. Parquet columns and types are the Glue table's
 * ({@link Column#tableColumns()}), as Firehose's record-format conversion writes them.
 *
 * <p>usage: java -cp schema-classes:duckdb_jdbc.jar ParquetSize INPUT_DIR OUT_DIR [INTERVAL_S]
 * Prints key=value lines (also written to OUT_DIR/sizes.txt).
 */
public final class ParquetSize {
    private static final Pattern TS = Pattern.compile("\"ts\":\\d+");
    private static final Pattern SEQ = Pattern.compile("\"seq\":\\d+");
    private static final Pattern INTERVAL = Pattern.compile("\"interval_ms\":\\d+");

    public static void main(String[] args) throws Exception {
        Path in = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        int intervalSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Files.createDirectories(out);

        List<String> recorded = read(in);
        if (recorded.isEmpty()) {
            throw new IllegalStateException("no samples under " + in);
        }
        long recordedBytes = 0;
        for (String line : recorded) {
            recordedBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        int perDay = 86_400 / intervalSeconds;
        long day0 = Long.parseLong(first(TS, recorded.get(0)).substring(5)) / 86_400_000L * 86_400_000L;
        Path json = out.resolve("day.json");
        long jsonBytes = 0;
        try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            for (int k = 0; k < perDay; k++) {
                String line = recorded.get(k % recorded.size());
                line = TS.matcher(line).replaceFirst("\"ts\":" + (day0 + k * intervalSeconds * 1000L));
                line = SEQ.matcher(line).replaceFirst("\"seq\":" + k);
                line = INTERVAL.matcher(line).replaceFirst("\"interval_ms\":" + intervalSeconds * 1000L);
                w.write(line);
                w.write('\n');
                jsonBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        Path gz = out.resolve("day.json.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(json, o);
        }

        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (Column column : Column.tableColumns()) {
            columns.add("'" + column.columnName() + "': '" + duckDbType(column.type()) + "'");
        }
        List<String> results = new ArrayList<>();
        results.add("recorded_samples=" + recorded.size());
        results.add("distinct_samples_in_day=" + Math.min(recorded.size(), 86_400 / intervalSeconds));
        results.add("recorded_mean_line_bytes=" + Math.round((double) recordedBytes / recorded.size()));
        results.add("interval_s=" + intervalSeconds);
        results.add("samples_per_day=" + perDay);
        results.add("table_columns=" + Column.tableColumns().size());
        results.add("json_bytes=" + jsonBytes);
        results.add("json_gzip_bytes=" + Files.size(gz));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE samples AS SELECT * FROM read_json('" + json + "', format = 'newline_delimited', "
                    + "columns = " + columns + ")");
            try (ResultSet r = s.executeQuery("SELECT version(), count(*) FROM samples")) {
                r.next();
                results.add("duckdb_version=" + r.getString(1));
                results.add("rows=" + r.getLong(2));
            }
            for (String codec : new String[] {"snappy", "zstd"}) {
                Path file = out.resolve("day-" + codec + ".parquet");
                s.execute("COPY (SELECT * FROM samples ORDER BY ts) TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec + ")");
                results.add("parquet_" + codec + "_bytes=" + Files.size(file));
            }
            // the recorded samples themselves, each once (no repeated rows for Parquet's dictionaries to exploit)
            Path recJson = out.resolve("recorded.json");
            try (Writer w = Files.newBufferedWriter(recJson, StandardCharsets.UTF_8)) {
                for (String line : recorded) {
                    w.write(line);
                    w.write('\n');
                }
            }
            Path recGz = out.resolve("recorded.json.gz");
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(recGz))) {
                Files.copy(recJson, o);
            }
            s.execute("CREATE TABLE recorded AS SELECT * FROM read_json('" + recJson + "', format = 'newline_delimited', "
                    + "columns = " + columns + ")");
            results.add("recorded_json_bytes=" + Files.size(recJson));
            results.add("recorded_json_gzip_bytes=" + Files.size(recGz));
            for (String codec : new String[] {"snappy", "zstd"}) {
                Path file = out.resolve("recorded-" + codec + ".parquet");
                s.execute("COPY (SELECT * FROM recorded ORDER BY ts) TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec + ")");
                results.add("recorded_parquet_" + codec + "_bytes=" + Files.size(file));
            }
            // the same day as Firehose would deliver it for one JVM alone: one object per 5-minute buffer
            Path parts = out.resolve("five-minute");
            Files.createDirectories(parts);
            long partBytes = 0;
            int files = 0;
            for (long t = day0; t < day0 + 86_400_000L; t += 300_000L) {
                Path file = parts.resolve("part-" + files + ".parquet");
                s.execute("COPY (SELECT * FROM samples WHERE ts >= " + t + " AND ts < " + (t + 300_000L)
                        + " ORDER BY ts) TO '" + file + "' (FORMAT parquet, COMPRESSION snappy)");
                partBytes += Files.size(file);
                files++;
            }
            results.add("parquet_snappy_5min_files=" + files);
            results.add("parquet_snappy_5min_bytes=" + partBytes);
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('" + out.resolve("day-snappy.parquet") + "')")) {
                r.next();
                results.add("parquet_rows_read_back=" + r.getLong(1));
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("sizes.txt")))) {
            for (String line : results) {
                System.out.println(line);
                w.println(line);
            }
        }
    }

    private static String duckDbType(ColumnType type) {
        switch (type.kind()) {
            case BIGINT: return "BIGINT";
            case INT: return "INTEGER";
            case DOUBLE: return "DOUBLE";
            case BOOLEAN: return "BOOLEAN";
            case STRING: return "VARCHAR";
            case MAP: return "MAP(VARCHAR, " + duckDbType(type.valueType()) + ")";
            default:
                StringBuilder struct = new StringBuilder("STRUCT(");
                for (java.util.Map.Entry<String, ColumnType> field : type.fields().entrySet()) {
                    struct.append(struct.length() > 7 ? ", " : "").append('"').append(field.getKey()).append("\" ")
                            .append(duckDbType(field.getValue()));
                }
                return struct.append(')').toString();
        }
    }

    private static String first(Pattern p, String line) {
        Matcher m = p.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + line);
        }
        return m.group();
    }

    /** Every sample line under {@code dir} (*.json.gz), in seq order. */
    private static List<String> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".json.gz")
                    && !p.getFileName().toString().startsWith(".")).sorted().collect(Collectors.toList());
        }
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("{")) {
                        lines.add(line);
                    }
                }
            }
        }
        lines.sort((a, b) -> Long.compare(Long.parseLong(first(SEQ, a).substring(6)), Long.parseLong(first(SEQ, b).substring(6))));
        return lines;
    }
}
