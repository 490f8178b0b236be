package io.roxxane.glue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the app_* queries of docs/queries must return, computed in Java from the rows as written
 * (JSON, read with Jackson), without SQL: one {@link Series} per {@code app_metrics} entry of a row;
 * rows without the column (schema-1 agents, a JVM whose MBeans are not there yet) give none. The
 * query's rounding is left to {@link SchemaTwoExpected#assertRows}, except where it decides the
 * order ({@code busy_max_share}).
 */
final class AppMetricsExpected {
    /** Digits each app query rounds a column to (the others are exact). */
    static final Map<String, Integer> ROUNDED = Map.of("busy_avg", 2, "busy_max_share", 4, "pending_avg", 2, "lag_avg", 1);

    /** A stored row and the partition values Athena (and the DuckDB view) give it. */
    record Row(JsonNode json, String service, String hourUtc) {
    }

    /** One entry of a row's app_metrics, with the row's columns the queries read. */
    record Series(Row row, String name, JsonNode labels, Double value) {
        String label(String key) {
            return labels.hasNonNull(key) ? labels.get(key).asText() : null;
        }

        String pod() {
            JsonNode json = row.json();
            return json.hasNonNull("k8s_pod_name") ? json.get("k8s_pod_name").asText() : json.get("host").asText();
        }
    }

    private AppMetricsExpected() {
    }

    static List<Series> series(List<Row> rows) {
        List<Series> result = new ArrayList<>();
        for (Row row : rows) {
            JsonNode metrics = row.json().path("app_metrics");
            metrics.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                result.add(new Series(row, v.path("name").asText(null), v.path("labels"),
                        v.hasNonNull("value") ? v.get("value").asDouble() : null));
            });
        }
        return result;
    }

    static List<Map<String, Object>> tomcatThreads(List<Row> rows) {
        String busy = "tomcat.thread.busy.count";
        String limit = "tomcat.thread.limit";
        Map<List<String>, List<Series>> groups = group(named(rows, busy, limit),
                s -> Arrays.asList(s.row().service(), s.pod(), s.label("tomcat.thread.pool.name"), s.row().hourUtc()));
        List<Map<String, Object>> result = new ArrayList<>();
        groups.forEach((key, g) -> {
            Double busyMax = max(g, busy);
            Double threadLimit = max(g, limit);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", key.get(0));
            row.put("pod", key.get(1));
            row.put("thread_pool", key.get(2));
            row.put("hour_utc", key.get(3));
            row.put("samples", count(g, busy));
            row.put("busy_avg", avg(g, busy));
            row.put("busy_max", busyMax);
            row.put("thread_limit", threadLimit);
            row.put("busy_max_share", busyMax == null || threadLimit == null ? null : busyMax / threadLimit);
            result.add(row);
        });
        // The query orders by the rounded share: equal after rounding, the next keys decide.
        result.sort(Comparator.comparing((Map<String, Object> r) -> rounded((Double) r.get("busy_max_share"), 4),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> (String) r.get("service")).thenComparing(r -> (String) r.get("pod"))
                .thenComparing(r -> (String) r.get("thread_pool"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> (String) r.get("hour_utc")));
        return result;
    }

    static List<Map<String, Object>> hikariPending(List<Row> rows) {
        String pending = "db.client.connection.pending_requests";
        String count = "db.client.connection.count";
        String max = "db.client.connection.max";
        Map<List<String>, List<Series>> groups = group(named(rows, pending, count, max),
                s -> Arrays.asList(s.row().service(), s.label("db.client.connection.pool.name"), s.row().hourUtc()));
        List<Map<String, Object>> result = new ArrayList<>();
        groups.forEach((key, g) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", key.get(0));
            row.put("pool_name", key.get(1));
            row.put("hour_utc", key.get(2));
            row.put("samples", count(g, pending));
            row.put("pending_max", max(g, pending));
            row.put("pending_avg", avg(g, pending));
            row.put("used_max", max(g, s -> count.equals(s.name()) && "used".equals(s.label("db.client.connection.state"))));
            row.put("pool_max", max(g, max));
            result.add(row);
        });
        result.sort(descendingThen("pending_max", "service", "pool_name", "hour_utc"));
        return result;
    }

    static List<Map<String, Object>> kafkaConsumerLag(List<Row> rows) {
        String lag = "kafka.consumer.records-lag-max";
        String consumed = "kafka.consumer.records-consumed-total";
        Map<List<String>, List<Series>> groups = group(named(rows, lag, consumed),
                s -> Arrays.asList(s.row().service(), s.label("client-id"), s.row().hourUtc()));
        List<Map<String, Object>> result = new ArrayList<>();
        groups.forEach((key, g) -> {
            List<Double> counts = values(g, s -> consumed.equals(s.name()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", key.get(0));
            row.put("client_id", key.get(1));
            row.put("hour_utc", key.get(2));
            row.put("samples", count(g, lag));
            row.put("lag_max", max(g, lag));
            row.put("lag_avg", avg(g, lag));
            row.put("records_consumed", counts.isEmpty() ? null : counts.stream().mapToDouble(Double::doubleValue).sum());
            result.add(row);
        });
        result.sort(descendingThen("lag_max", "service", "client_id", "hour_utc"));
        return result;
    }

    private static List<Series> named(List<Row> rows, String... names) {
        List<String> wanted = List.of(names);
        return series(rows).stream().filter(s -> wanted.contains(s.name())).toList();
    }

    /** Descending by a nullable number (nulls last), then ascending by the text columns. */
    private static Comparator<Map<String, Object>> descendingThen(String number, String... texts) {
        Comparator<Map<String, Object>> order = Comparator.comparing((Map<String, Object> r) -> (Double) r.get(number),
                Comparator.nullsLast(Comparator.reverseOrder()));
        for (String text : texts) {
            order = order.thenComparing(r -> (String) r.get(text), Comparator.nullsLast(Comparator.naturalOrder()));
        }
        return order;
    }

    private static Double rounded(Double value, int digits) {
        return value == null ? null : Math.round(value * Math.pow(10, digits)) / Math.pow(10, digits);
    }

    private static <K> Map<K, List<Series>> group(List<Series> series, Function<Series, K> key) {
        Map<K, List<Series>> groups = new TreeMap<>(Comparator.comparing(Objects::toString));
        series.forEach(s -> groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s));
        return groups;
    }

    private static List<Double> values(List<Series> g, Predicate<Series> which) {
        return g.stream().filter(which).map(Series::value).filter(Objects::nonNull).toList();
    }

    private static long count(List<Series> g, String name) {
        return g.stream().filter(s -> name.equals(s.name())).count();
    }

    private static Double max(List<Series> g, String name) {
        return max(g, s -> name.equals(s.name()));
    }

    private static Double max(List<Series> g, Predicate<Series> which) {
        return values(g, which).stream().max(Double::compare).orElse(null);
    }

    private static Double avg(List<Series> g, String name) {
        List<Double> values = values(g, s -> name.equals(s.name()));
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
