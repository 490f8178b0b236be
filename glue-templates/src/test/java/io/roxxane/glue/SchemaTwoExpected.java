package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the schema-2 queries of docs/queries must return, computed in Java from the rows as
 * written (JSON, read with Jackson), without SQL. Rows of schema-1 agents lack the columns and
 * drop out as the queries say. Decimals are exact here; {@link #assertRows} allows the query's
 * rounding.
 */
final class SchemaTwoExpected {
    private static final double MIB = 1024.0 * 1024;

    /** One stored row and the partition values Athena (and the DuckDB view) give it. */
    record Row(JsonNode json, String service, String dayUtc) {
        Long lng(String key) {
            return json.hasNonNull(key) ? json.get(key).asLong() : null;
        }

        String text(String key) {
            return json.hasNonNull(key) ? json.get(key).asText() : null;
        }
    }

    private SchemaTwoExpected() {
    }

    static List<Map<String, Object>> containerCpuThrottling(List<Row> rows) {
        Map<List<String>, List<Row>> groups = group(rows.stream().filter(r -> r.lng("container_cpu_throttled_ms") != null).toList(),
                r -> java.util.Arrays.asList(r.service(), r.text("k8s_namespace_name"),
                        firstNonNull(r.text("k8s_pod_name"), r.text("container_name"), r.text("host"))));
        List<Map<String, Object>> result = new ArrayList<>();
        groups.forEach((key, g) -> {
            long throttled = sum(g, "container_cpu_throttled_ms");
            if (throttled <= 0) {
                return;
            }
            long periods = sum(g, "container_cpu_periods");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", key.get(0));
            row.put("namespace", key.get(1));
            row.put("container", key.get(2));
            row.put("instances", distinct(g, "instance_id"));
            row.put("samples", (long) g.size());
            row.put("throttled_ms", throttled);
            row.put("throttled_time_share", (double) throttled / sum(g, "interval_ms"));
            row.put("throttled_periods", sum(g, "container_cpu_throttled_periods"));
            row.put("throttled_period_share", periods == 0 ? null : (double) sum(g, "container_cpu_throttled_periods") / periods);
            row.put("cpu_limit_cores", g.stream().filter(r -> r.json().hasNonNull("container_cpu_limit"))
                    .map(r -> r.json().get("container_cpu_limit").asDouble()).max(Double::compare).orElse(null));
            result.add(row);
        });
        result.sort(Comparator.comparing((Map<String, Object> r) -> -(Long) r.get("throttled_ms"))
                .thenComparing(r -> (String) r.get("service")).thenComparing(r -> (String) r.get("container")));
        return result.subList(0, Math.min(20, result.size()));
    }

    static List<Map<String, Object>> memoryPoolsNearMax(List<Row> rows) {
        Map<List<String>, List<JsonNode>> pools = new TreeMap<>(Comparator.comparing(List::toString));
        for (Row r : rows) {
            JsonNode map = r.json().get("jvm_memory_pools");
            if (map == null || map.isNull()) {
                continue;
            }
            map.fields().forEachRemaining(e -> {
                if (e.getValue().path("max_bytes").asLong(0) > 0) {
                    pools.computeIfAbsent(List.of(r.service(), r.text("host"), r.text("instance_id"), e.getKey()),
                            k -> new ArrayList<>()).add(e.getValue());
                }
            });
        }
        List<Map<String, Object>> result = new ArrayList<>();
        pools.forEach((key, g) -> {
            double usedShare = g.stream().mapToDouble(p -> p.get("used_bytes").asDouble() / p.get("max_bytes").asDouble())
                    .max().orElseThrow();
            if (usedShare < 0.9) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", key.get(0));
            row.put("host", key.get(1));
            row.put("instance_id", key.get(2));
            row.put("pool", key.get(3));
            row.put("heap", g.stream().anyMatch(p -> p.path("heap").asBoolean()));
            row.put("samples", (long) g.size());
            row.put("samples_at_90_percent", g.stream().filter(p -> 10 * p.get("used_bytes").asLong() >= 9 * p.get("max_bytes").asLong())
                    .count());
            row.put("max_mib", g.stream().mapToLong(p -> p.get("max_bytes").asLong()).max().orElseThrow() / MIB);
            row.put("used_max_mib", g.stream().mapToLong(p -> p.get("used_bytes").asLong()).max().orElseThrow() / MIB);
            row.put("used_max_share", usedShare);
            row.put("used_after_gc_max_share", g.stream().filter(p -> p.hasNonNull("used_after_gc_bytes"))
                    .map(p -> p.get("used_after_gc_bytes").asDouble() / p.get("max_bytes").asDouble()).max(Double::compare).orElse(null));
            result.add(row);
        });
        result.sort(Comparator.comparing((Map<String, Object> r) -> -(Double) r.get("used_max_share"))
                .thenComparing(r -> (String) r.get("service")).thenComparing(r -> (String) r.get("instance_id"))
                .thenComparing(r -> (String) r.get("pool")));
        return result;
    }

    static List<Map<String, Object>> oomKillsByService(List<Row> rows) {
        Map<List<String>, List<Row>> groups = group(rows.stream().filter(r -> r.lng("container_oom_kills") != null).toList(),
                r -> List.of(r.service(), r.dayUtc()));
        List<Map<String, Object>> result = new ArrayList<>();
        groups.forEach((key, g) -> {
            long kills = sum(g, "container_oom_kills");
            if (kills <= 0) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", key.get(0));
            row.put("day_utc", key.get(1));
            row.put("oom_kills", kills);
            row.put("instances_with_kills", g.stream().filter(r -> r.lng("container_oom_kills") > 0)
                    .map(r -> r.text("instance_id")).distinct().count());
            row.put("instances", distinct(g, "instance_id"));
            row.put("working_set_max_share", g.stream().filter(r -> r.lng("container_memory_working_set_bytes") != null
                            && r.lng("container_memory_limit_bytes") != null)
                    .map(r -> (double) r.lng("container_memory_working_set_bytes") / r.lng("container_memory_limit_bytes"))
                    .max(Double::compare).orElse(null));
            result.add(row);
        });
        result.sort(Comparator.comparing((Map<String, Object> r) -> -(Long) r.get("oom_kills"))
                .thenComparing(r -> (String) r.get("service")).thenComparing(r -> (String) r.get("day_utc")));
        return result;
    }

    static List<Map<String, Object>> heapByPod(List<Row> rows) {
        Map<List<String>, List<Row>> groups = group(rows.stream().filter(r -> r.text("k8s_pod_name") != null).toList(),
                r -> java.util.Arrays.asList(r.text("k8s_namespace_name"), r.text("k8s_pod_name"), r.service()));
        List<Map<String, Object>> result = new ArrayList<>();
        groups.forEach((key, g) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("namespace", key.get(0));
            row.put("pod", key.get(1));
            row.put("service", key.get(2));
            row.put("instances", distinct(g, "instance_id"));
            row.put("samples", (long) g.size());
            row.put("heap_used_avg_mib", g.stream().mapToLong(r -> r.lng("jvm_heap_used_bytes")).average().orElseThrow() / MIB);
            row.put("heap_used_max_mib", max(g, "jvm_heap_used_bytes") / MIB);
            row.put("heap_max_mib", max(g, "jvm_heap_max_bytes") / MIB);
            row.put("heap_used_max_share", g.stream().mapToDouble(r -> (double) r.lng("jvm_heap_used_bytes") / r.lng("jvm_heap_max_bytes"))
                    .max().orElseThrow());
            Long workingSet = maxOrNull(g, "container_memory_working_set_bytes");
            Long limit = maxOrNull(g, "container_memory_limit_bytes");
            row.put("working_set_max_mib", workingSet == null ? null : workingSet / MIB);
            row.put("memory_limit_mib", limit == null ? null : limit / MIB);
            row.put("heap_max_of_limit", limit == null ? null : (double) max(g, "jvm_heap_max_bytes") / limit);
            result.add(row);
        });
        result.sort(Comparator.comparing((Map<String, Object> r) -> -(Double) r.get("heap_used_max_share"))
                .thenComparing(r -> (String) r.get("namespace")).thenComparing(r -> (String) r.get("pod")));
        return result;
    }

    /**
     * The query's rows equal the expected ones: same columns in order, integers and text exactly,
     * decimals within half a unit of the digits the query rounds to (all columns whose name ends
     * in _share or _mib or _cores: 4, 1 and exact).
     */
    static void assertRows(List<Map<String, Object>> expected, List<Map<String, Object>> actual, String query) {
        assertRows(expected, actual, query, Map.of());
    }

    /** The same, with the digits of the columns the query rounds otherwise ({@code busy_avg} to 2, …). */
    static void assertRows(List<Map<String, Object>> expected, List<Map<String, Object>> actual, String query,
            Map<String, Integer> roundedTo) {
        assertEquals(expected.size(), actual.size(), query + ": rows " + actual);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> want = expected.get(i);
            Map<String, Object> got = actual.get(i);
            String where = query + " row " + i + ": " + got;
            assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()), where);
            want.forEach((column, value) -> {
                Object actualValue = got.get(column);
                if (value != null && actualValue == null) {
                    throw new AssertionError(where + " " + column + ": expected " + value + ", got null");
                } else if (value instanceof Double exact && !column.endsWith("_cores")) {
                    int digits = roundedTo.getOrDefault(column, column.endsWith("_mib") ? 1 : 4);
                    assertEquals(exact, ((Number) actualValue).doubleValue(), 0.5 * Math.pow(10, -digits) + 1e-9,
                            where + " " + column);
                } else if (value instanceof Long) {
                    assertEquals(value, actualValue == null ? null : ((Number) actualValue).longValue(), where + " " + column);
                } else {
                    assertEquals(value, actualValue, where + " " + column);
                }
            });
        }
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static <K> Map<K, List<Row>> group(List<Row> rows, Function<Row, K> key) {
        return rows.stream().collect(Collectors.groupingBy(key,
                () -> new TreeMap<K, List<Row>>(Comparator.comparing(Objects::toString)), Collectors.toList()));
    }

    private static long sum(List<Row> g, String key) {
        return g.stream().map(r -> r.lng(key)).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    private static long max(List<Row> g, String key) {
        return g.stream().map(r -> r.lng(key)).filter(Objects::nonNull).mapToLong(Long::longValue).max().orElseThrow();
    }

    private static Long maxOrNull(List<Row> g, String key) {
        return g.stream().map(r -> r.lng(key)).filter(Objects::nonNull).max(Long::compare).orElse(null);
    }

    private static long distinct(List<Row> g, String key) {
        return g.stream().map(r -> r.text(key)).distinct().count();
    }
}
