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
 * render-tomcat.sh's data step: reads a local file sink directory with DuckDB and writes the series
 * of the analysis' Tomcat chart in ../quicksight.md, one gnuplot data block per pod (a header line
 * with its name, then "epoch-seconds value" lines, blocks separated by two blank lines): the highest
 * share of the thread pool's limit busy per BUCKET_SECONDS bucket, as QuickSight takes the maximum
 * per chosen time granularity. The view below is the guide's Tomcat data set SQL in DuckDB's dialect
 * (epoch_ms instead of from_unixtime, no partition filter).
 *
 * <p>Run: {@code java -cp duckdb_jdbc.jar TomcatChartData.java SINK_DIR OUT_DIR [BUCKET_SECONDS]}.
 */
public class TomcatChartData {
    public static void main(String[] args) throws Exception {
        Path sink = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]);
        int bucket = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Files.createDirectories(out);
        String entry = "app_metrics[m.series]";
        String busy = "max(CASE WHEN " + entry + ".name = 'tomcat.thread.busy.count' THEN " + entry + ".value END)";
        String limit = "max(CASE WHEN " + entry + ".name = 'tomcat.thread.limit' THEN " + entry + ".value END)";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE VIEW tomcat_threads AS SELECT epoch_ms(ts) AS sample_time, service,"
                    + " coalesce(k8s_pod_name, host) AS pod, instance_id,"
                    + " CASE WHEN contains(map_keys(" + entry + ".labels), 'tomcat.thread.pool.name')"
                    + " THEN " + entry + ".labels['tomcat.thread.pool.name'] END AS thread_pool,"
                    + " " + busy + " AS threads_busy, " + limit + " AS thread_limit, " + busy + " / " + limit + " AS busy_share"
                    + " FROM read_json('" + sink.toString().replace("'", "''") + "/**/*.json*',"
                    + " format = 'newline_delimited', hive_partitioning = true,"
                    + " hive_types = {'service': 'VARCHAR', 'year': 'VARCHAR', 'month': 'VARCHAR', 'day': 'VARCHAR', 'hour': 'VARCHAR'},"
                    + " columns = {'ts': 'BIGINT', 'host': 'VARCHAR', 'instance_id': 'VARCHAR', 'k8s_pod_name': 'VARCHAR',"
                    + " 'app_metrics': 'MAP(VARCHAR, STRUCT(name VARCHAR, labels MAP(VARCHAR, VARCHAR), type VARCHAR, value DOUBLE))'})"
                    + " CROSS JOIN UNNEST(map_keys(app_metrics)) AS m (series)"
                    + " WHERE " + entry + ".name IN ('tomcat.thread.busy.count', 'tomcat.thread.limit')"
                    + " GROUP BY 1, 2, 3, 4, 5");
            String time = "epoch(time_bucket(INTERVAL '" + bucket + " seconds', sample_time))";
            write(st, out.resolve("tomcat.dat"), "SELECT pod, " + time + " AS t, 100 * max(busy_share) FROM tomcat_threads"
                    + " WHERE busy_share IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2");
            try (ResultSet r = st.executeQuery("SELECT count(*), count(DISTINCT pod), max(thread_limit),"
                    + " min(sample_time), max(sample_time) FROM tomcat_threads")) {
                r.next();
                System.out.printf("%d samples of thread pools, %d pods, limit %s, %s .. %s UTC%n", r.getLong(1), r.getLong(2),
                        r.getObject(3), r.getObject(4), r.getObject(5));
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
