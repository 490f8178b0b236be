import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * render.sh's data step: reads a local file sink directory with DuckDB and writes the series the
 * QuickSight analysis of ../quicksight.md draws, one gnuplot data block per service or host
 * (a header line with its name, then "epoch-seconds value" lines, blocks separated by two blank
 * lines). The view below is the guide's data set SQL in DuckDB's dialect (epoch_ms instead of
 * from_unixtime, no partition filter); the charts average it per BUCKET_SECONDS bucket, as
 * QuickSight averages per chosen time granularity.
 *
 * <p>Run: {@code java -cp duckdb_jdbc.jar ChartData.java SINK_DIR OUT_DIR [BUCKET_SECONDS]}.
 */
public class ChartData {
    public static void main(String[] args) throws Exception {
        Path sink = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]);
        int bucket = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Files.createDirectories(out);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE VIEW roxxane_samples AS SELECT"
                    + " epoch_ms(ts) AS sample_time, service, host, instance_id,"
                    + " jvm_heap_used_bytes / 1048576.0 AS heap_used_mib,"
                    + " coalesce(jvm_gc_young_time_ms, 0) + coalesce(jvm_gc_old_time_ms, 0) AS gc_time_ms,"
                    + " (coalesce(jvm_gc_young_time_ms, 0) + coalesce(jvm_gc_old_time_ms, 0)) / CAST(interval_ms AS double) AS gc_time_share,"
                    + " host_cpu_utilization"
                    + " FROM read_json('" + sink.toString().replace("'", "''") + "/**/*.json*',"
                    + " format = 'newline_delimited', hive_partitioning = true,"
                    + " hive_types = {'service': 'VARCHAR', 'year': 'VARCHAR', 'month': 'VARCHAR', 'day': 'VARCHAR', 'hour': 'VARCHAR'},"
                    + " columns = {'ts': 'BIGINT', 'host': 'VARCHAR', 'instance_id': 'VARCHAR', 'interval_ms': 'BIGINT',"
                    + " 'jvm_heap_used_bytes': 'BIGINT', 'jvm_gc_young_time_ms': 'BIGINT', 'jvm_gc_old_time_ms': 'BIGINT',"
                    + " 'host_cpu_utilization': 'DOUBLE'})");
            String time = "epoch(time_bucket(INTERVAL '" + bucket + " seconds', sample_time))";
            write(st, out.resolve("heap.dat"), "SELECT service, " + time + " AS t, avg(heap_used_mib) FROM roxxane_samples GROUP BY 1, 2 ORDER BY 1, 2");
            write(st, out.resolve("gc.dat"), "SELECT service, " + time + " AS t, 100 * avg(gc_time_share) FROM roxxane_samples GROUP BY 1, 2 ORDER BY 1, 2");
            write(st, out.resolve("cpu.dat"), "SELECT host, " + time + " AS t, 100 * avg(host_cpu_utilization) FROM roxxane_samples"
                    + " WHERE host_cpu_utilization IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2");
            try (ResultSet r = st.executeQuery("SELECT count(*), count(DISTINCT service), count(DISTINCT host),"
                    + " min(sample_time), max(sample_time) FROM roxxane_samples")) {
                r.next();
                System.out.printf("%d samples, %d services, %d hosts, %s .. %s UTC%n", r.getLong(1), r.getLong(2), r.getLong(3),
                        r.getObject(4), r.getObject(5));
            }
        }
    }

    private static void write(Statement st, Path file, String sql) throws SQLException, IOException {
        try (ResultSet r = st.executeQuery(sql); PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            String current = null;
            while (r.next()) {
                String series = r.getString(1);
                if (!series.equals(current)) {
                    if (current != null) {
                        w.print("\n\n");
                    }
                    w.println(series + " value");
                    current = series;
                }
                w.printf("%d %.6f%n", (long) r.getDouble(2), r.getDouble(3));
            }
        }
    }
}
