package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's Tomcat data set (docs/quicksight.md, {@code tomcat-data-set.json}) run by DuckDB over
 * the fixture's fleet mid-upgrade: one row per sample and Tomcat thread pool of the schema-2 agents,
 * none for the schema-1 ones or before the MBeans are there, every row equal to the one computed in
 * Java from the JSON ({@link AppMetricsExpected#series}), the declared types those of the result.
 */
class QuickSightTomcatDataSetTest {
    private static final String FILE = "tomcat-data-set.json";
    private static final String BUSY = "tomcat.thread.busy.count";
    private static final String LIMIT = "tomcat.thread.limit";

    @TempDir
    static Path root;

    private static final SampleFixture FIXTURE = new SampleFixture();
    private final QuickSightGuide guide = new QuickSightGuide();

    @BeforeAll
    static void write() {
        FIXTURE.writeTo(root);
    }

    @Test
    void columnTypes_matchWhatTheSqlReturns() throws Exception {
        try (Connection db = guide.duckDb(root); Statement st = db.createStatement();
                ResultSet rows = st.executeQuery(guide.sqlWithoutWindow(FILE))) {
            QuickSightGuideTest.assertTypes(guide.customSql(FILE).path("Columns"), rows.getMetaData());
        }
    }

    @Test
    void rows_onePerSampleAndPool_asTheJsonSays() throws Exception {
        List<List<Object>> expected = expected();
        List<List<Object>> actual = new ArrayList<>();
        try (Connection db = guide.duckDb(root); Statement st = db.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            try (ResultSet r = st.executeQuery("SELECT epoch_ms(sample_time), service, pod, instance_id, thread_pool,"
                    + " threads_busy, thread_limit, busy_share FROM (" + guide.sqlWithoutWindow(FILE) + ")")) {
                while (r.next()) {
                    actual.add(Arrays.asList(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            (Double) r.getObject(6), (Double) r.getObject(7), (Double) r.getObject(8)));
                }
            }
        }
        actual.sort(ORDER);

        assertEquals(475, expected.size(), "238 samples of ck-b-0002 and 237 of bl-b-0003 (seq 150 lost) after the first two");
        assertEquals(expected, actual);
        assertEquals(AppMetricsFigures.BURST_TO - AppMetricsFigures.BURST_FROM + 1,
                actual.stream().filter(r -> Double.valueOf(1.0).equals(r.get(7))).count(), "saturated during the burst only");
        assertTrue(actual.stream().anyMatch(r -> r.get(5) == null && r.get(7) == null && r.get(6) != null),
                "the sample whose busy count was not read keeps its limit");
    }

    private static final Comparator<List<Object>> ORDER = Comparator.comparing((List<Object> r) -> (String) r.get(3))
            .thenComparing(r -> (Long) r.get(0)).thenComparing(r -> (String) r.get(4));

    /** From the JSON: per row and pool, the busy count, the limit and their ratio. */
    private static List<List<Object>> expected() {
        Map<List<Object>, Double[]> byPool = new LinkedHashMap<>();
        for (AppMetricsExpected.Series s : AppMetricsExpected.series(AppMetricsQueriesTest.rows(FIXTURE.stored()))) {
            if (!BUSY.equals(s.name()) && !LIMIT.equals(s.name())) {
                continue;
            }
            JsonNode json = s.row().json();
            List<Object> key = Arrays.asList(json.get("ts").asLong(), s.row().service(), s.pod(),
                    json.get("instance_id").asText(), s.label("tomcat.thread.pool.name"));
            Double[] busyAndLimit = byPool.computeIfAbsent(key, k -> new Double[2]);
            busyAndLimit[BUSY.equals(s.name()) ? 0 : 1] = s.value();
        }
        List<List<Object>> rows = new ArrayList<>();
        byPool.forEach((key, v) -> {
            List<Object> row = new ArrayList<>(key);
            row.add(v[0]);
            row.add(v[1]);
            row.add(v[0] == null || v[1] == null ? null : v[0] / v[1]);
            rows.add(row);
        });
        rows.sort(ORDER);
        return rows;
    }
}
