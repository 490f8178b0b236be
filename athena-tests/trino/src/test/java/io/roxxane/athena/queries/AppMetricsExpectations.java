package io.roxxane.athena.queries;

import static io.roxxane.athena.queries.Expectations.firstNonNull;
import static io.roxxane.athena.queries.Expectations.groups;
import static io.roxxane.athena.queries.Expectations.nullableKey;

import io.roxxane.athena.data.StoredRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the {@code app_*} queries of docs/queries and the guide's Tomcat data set must return,
 * computed in Java from the rows the table must hold, as {@link Expectations} does: one
 * {@link Series} per {@code app_metrics} entry of a row whose name the query reads (a row without
 * the column gives none); a label the series lacks is NULL (the queries' {@code CASE WHEN
 * contains(map_keys(…labels), k)}); SQL's NULL rules; exact numbers for the columns the query rounds;
 * the query's order (by the rounded value where it orders by a rounded column).
 */
public final class AppMetricsExpectations {
    public static final String BUSY = "tomcat.thread.busy.count";
    public static final String LIMIT = "tomcat.thread.limit";
    private static final String THREAD_POOL = "tomcat.thread.pool.name";
    private static final String PENDING = "db.client.connection.pending_requests";
    private static final String CONNECTIONS = "db.client.connection.count";
    private static final String POOL_MAX = "db.client.connection.max";
    private static final String LAG = "kafka.consumer.records-lag-max";
    private static final String CONSUMED = "kafka.consumer.records-consumed-total";

    /** One entry of a row's {@code app_metrics}: the struct's name, labels and value. */
    private record Series(StoredRow row, String name, Map<String, Object> labels, Double value) {
        String label(String key) {
            return labels == null ? null : (String) labels.get(key);
        }

        /** {@code coalesce(k8s_pod_name, host)}. */
        String pod() {
            return firstNonNull(row.str("k8s_pod_name"), row.str("host"));
        }
    }

    private AppMetricsExpectations() {
    }

    public static List<Map<String, Object>> tomcatThreads(List<StoredRow> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<Series> g : groups(series(rows, BUSY, LIMIT), s -> nullableKey(s.row().service(), s.pod(), s.label(THREAD_POOL),
                s.row().hourUtc())).values()) {
            Series first = g.get(0);
            Double busyMax = max(g, named(BUSY));
            Double limit = max(g, named(LIMIT));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", first.row().service());
            row.put("pod", first.pod());
            row.put("thread_pool", first.label(THREAD_POOL));
            row.put("hour_utc", first.row().hourUtc());
            row.put("samples", count(g, BUSY));
            row.put("busy_avg", avg(g, BUSY));
            row.put("busy_max", busyMax);
            row.put("thread_limit", limit);
            row.put("busy_max_share", ratio(busyMax, limit));
            result.add(row);
        }
        result.sort(Comparator.comparing((Map<String, Object> r) -> Rounding.round((Double) r.get("busy_max_share"), 4),
                        Comparator.nullsLast(Comparator.<Double>reverseOrder()))
                .thenComparing(texts("service", "pod", "thread_pool", "hour_utc")));
        return result;
    }

    public static List<Map<String, Object>> hikariPending(List<StoredRow> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<Series> g : groups(series(rows, PENDING, CONNECTIONS, POOL_MAX), s -> nullableKey(s.row().service(),
                s.label("db.client.connection.pool.name"), s.row().hourUtc())).values()) {
            Series first = g.get(0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", first.row().service());
            row.put("pool_name", first.label("db.client.connection.pool.name"));
            row.put("hour_utc", first.row().hourUtc());
            row.put("samples", count(g, PENDING));
            row.put("pending_max", max(g, named(PENDING)));
            row.put("pending_avg", avg(g, PENDING));
            row.put("used_max", max(g, named(CONNECTIONS).and(s -> "used".equals(s.label("db.client.connection.state")))));
            row.put("pool_max", max(g, named(POOL_MAX)));
            result.add(row);
        }
        result.sort(descendingThen("pending_max", "service", "pool_name", "hour_utc"));
        return result;
    }

    public static List<Map<String, Object>> kafkaConsumerLag(List<StoredRow> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<Series> g : groups(series(rows, LAG, CONSUMED), s -> nullableKey(s.row().service(), s.label("client-id"),
                s.row().hourUtc())).values()) {
            Series first = g.get(0);
            List<Double> consumed = values(g, named(CONSUMED));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", first.row().service());
            row.put("client_id", first.label("client-id"));
            row.put("hour_utc", first.row().hourUtc());
            row.put("samples", count(g, LAG));
            row.put("lag_max", max(g, named(LAG)));
            row.put("lag_avg", avg(g, LAG));
            row.put("records_consumed", consumed.isEmpty() ? null : consumed.stream().mapToDouble(Double::doubleValue).sum());
            result.add(row);
        }
        result.sort(descendingThen("lag_max", "service", "client_id", "hour_utc"));
        return result;
    }

    /**
     * The guide's Tomcat data set: one row per sample (its {@code ts}) and Tomcat thread pool of the
     * 14 UTC days before {@code today} and today, in no particular order.
     */
    public static List<Map<String, Object>> quickSightTomcatThreads(List<StoredRow> rows, LocalDate today) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<Series> g : groups(series(Expectations.lastFourteenDays(rows, today), BUSY, LIMIT),
                s -> nullableKey(String.valueOf(s.row().lng("ts")), s.row().service(), s.pod(), s.row().str("instance_id"),
                        s.label(THREAD_POOL))).values()) {
            Series first = g.get(0);
            Double busy = max(g, named(BUSY));
            Double limit = max(g, named(LIMIT));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sample_time", Expectations.sampleTime(first.row()));
            row.put("service", first.row().service());
            row.put("pod", first.pod());
            row.put("instance_id", first.row().str("instance_id"));
            row.put("thread_pool", first.label(THREAD_POOL));
            row.put("threads_busy", busy);
            row.put("thread_limit", limit);
            row.put("busy_share", ratio(busy, limit));
            result.add(row);
        }
        return result;
    }

    /** The entries of {@code app_metrics} with one of these names, row by row. */
    @SuppressWarnings("unchecked")
    private static List<Series> series(List<StoredRow> rows, String... names) {
        List<String> wanted = List.of(names);
        List<Series> result = new ArrayList<>();
        for (StoredRow row : rows) {
            Map<String, Object> metrics = row.map("app_metrics");
            if (metrics == null) {
                continue;
            }
            for (Object value : metrics.values()) {
                Map<String, Object> entry = (Map<String, Object>) value;
                String name = (String) entry.get("name");
                if (wanted.contains(name)) {
                    result.add(new Series(row, name, (Map<String, Object>) entry.get("labels"), (Double) entry.get("value")));
                }
            }
        }
        return result;
    }

    private static Predicate<Series> named(String name) {
        return s -> name.equals(s.name());
    }

    private static List<Double> values(List<Series> g, Predicate<Series> which) {
        return g.stream().filter(which).map(Series::value).filter(Objects::nonNull).toList();
    }

    /** {@code count(CASE WHEN metric = name THEN 1 END)}. */
    private static long count(List<Series> g, String name) {
        return g.stream().filter(named(name)).count();
    }

    private static Double max(List<Series> g, Predicate<Series> which) {
        return values(g, which).stream().max(Double::compare).orElse(null);
    }

    private static Double avg(List<Series> g, String name) {
        List<Double> values = values(g, named(name));
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Double ratio(Double numerator, Double denominator) {
        return numerator == null || denominator == null ? null : numerator / denominator;
    }

    /** Descending by a nullable number (NULLS LAST), then ascending by the text columns. */
    private static Comparator<Map<String, Object>> descendingThen(String number, String... columns) {
        return Comparator.comparing((Map<String, Object> r) -> (Double) r.get(number),
                Comparator.nullsLast(Comparator.<Double>reverseOrder())).thenComparing(texts(columns));
    }

    /** Ascending by text columns, NULLs last (Trino's default for ASC). */
    private static Comparator<Map<String, Object>> texts(String... columns) {
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        for (String column : columns) {
            order = order.thenComparing(r -> (String) r.get(column), Comparator.nullsLast(Comparator.naturalOrder()));
        }
        return order;
    }
}
