package io.roxxane.athena.queries;

import static io.roxxane.athena.queries.Expectations.MIB;
import static io.roxxane.athena.queries.Expectations.divide;
import static io.roxxane.athena.queries.Expectations.firstNonNull;
import static io.roxxane.athena.queries.Expectations.groups;
import static io.roxxane.athena.queries.Expectations.max;
import static io.roxxane.athena.queries.Expectations.nullableKey;
import static io.roxxane.athena.queries.Expectations.sum;

import io.roxxane.athena.data.StoredRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What the schema-2 queries of docs/queries must return, computed in Java from the rows the table
 * must hold, the same way as {@link Expectations}: groups in Java, SQL's NULL rules, exact numbers
 * for the columns the query rounds, the query's order (by the rounded value where it orders by a
 * rounded column). Rows of schema-1 agents have these columns NULL and drop out as the SQL says.
 */
public final class SchemaTwoExpectations {
    private SchemaTwoExpectations() {
    }

    public static List<Map<String, Object>> containerCpuThrottling(List<StoredRow> rows) {
        List<StoredRow> throttledKnown = rows.stream().filter(r -> r.lng("container_cpu_throttled_ms") != null).toList();
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> g : groups(throttledKnown, SchemaTwoExpectations::containerKey).values()) {
            long throttled = sum(g, "container_cpu_throttled_ms");
            if (throttled <= 0) {
                continue;
            }
            Long interval = sum(g, "interval_ms");
            Long periods = sum(g, "container_cpu_throttled_periods");
            Long cpuPeriods = sum(g, "container_cpu_periods");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", g.get(0).service());
            row.put("namespace", g.get(0).str("k8s_namespace_name"));
            row.put("container", container(g.get(0)));
            row.put("instances", distinctInstances(g));
            row.put("samples", (long) g.size());
            row.put("throttled_ms", throttled);
            row.put("throttled_time_share", interval == null ? null : throttled / (double) interval);
            row.put("throttled_periods", periods);
            row.put("throttled_period_share", periods == null || cpuPeriods == null || cpuPeriods == 0 ? null
                    : periods / (double) cpuPeriods);
            row.put("cpu_limit_cores", g.stream().map(r -> r.dbl("container_cpu_limit")).filter(Objects::nonNull)
                    .max(Double::compare).orElse(null));
            result.add(row);
        }
        result.sort(Comparator.comparing((Map<String, Object> r) -> (Long) r.get("throttled_ms"), Comparator.reverseOrder())
                .thenComparing(r -> (String) r.get("service"))
                .thenComparing(r -> (String) r.get("container"), Comparator.nullsLast(Comparator.naturalOrder())));
        return result.subList(0, Math.min(20, result.size()));
    }

    public static List<Map<String, Object>> memoryPoolsNearMax(List<StoredRow> rows) {
        Map<List<String>, List<Pool>> byPool = new java.util.TreeMap<>(keyOrder());
        for (StoredRow r : rows) {
            Map<String, Object> pools = r.map("jvm_memory_pools");
            if (pools == null) {
                continue;
            }
            pools.forEach((name, value) -> {
                Pool pool = Pool.of(name, value);
                if (pool.max() != null && pool.max() > 0) {
                    byPool.computeIfAbsent(nullableKey(r.service(), r.str("host"), r.str("instance_id"), name),
                            k -> new ArrayList<>()).add(pool);
                }
            });
        }
        List<Map<String, Object>> result = new ArrayList<>();
        byPool.forEach((key, g) -> {
            Double usedShare = maxOf(g.stream().filter(p -> p.used() != null), p -> p.used() / (double) p.max());
            if (usedShare == null || usedShare < 0.9) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", key.get(0));
            row.put("host", key.get(1));
            row.put("instance_id", key.get(2));
            row.put("pool", key.get(3));
            List<Boolean> heap = g.stream().map(Pool::heap).filter(Objects::nonNull).toList();
            row.put("heap", heap.isEmpty() ? null : heap.contains(true));
            row.put("samples", (long) g.size());
            row.put("samples_at_90_percent", g.stream().filter(p -> p.used() != null && 10 * p.used() >= 9 * p.max()).count());
            row.put("max_mib", maxOf(g.stream(), p -> p.max()) / MIB);
            Double usedMax = maxOf(g.stream().filter(p -> p.used() != null), p -> p.used());
            row.put("used_max_mib", usedMax == null ? null : usedMax / MIB);
            row.put("used_max_share", usedShare);
            row.put("used_after_gc_max_share", maxOf(g.stream().filter(p -> p.usedAfterGc() != null),
                    p -> p.usedAfterGc() / (double) p.max()));
            result.add(row);
        });
        result.sort(Comparator.comparing((Map<String, Object> r) -> Rounding.round((Double) r.get("used_max_share"), 4),
                        Comparator.reverseOrder())
                .thenComparing(r -> (String) r.get("service"))
                .thenComparing(r -> (String) r.get("instance_id"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> (String) r.get("pool")));
        return result;
    }

    public static List<Map<String, Object>> oomKillsByService(List<StoredRow> rows) {
        List<StoredRow> known = rows.stream().filter(r -> r.lng("container_oom_kills") != null).toList();
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> g : groups(known, r -> List.of(r.service(), r.dayUtc())).values()) {
            long kills = sum(g, "container_oom_kills");
            if (kills <= 0) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", g.get(0).service());
            row.put("day_utc", g.get(0).dayUtc());
            row.put("oom_kills", kills);
            row.put("instances_with_kills", g.stream().filter(r -> r.lng("container_oom_kills") > 0).map(r -> r.str("instance_id"))
                    .filter(Objects::nonNull).distinct().count());
            row.put("instances", distinctInstances(g));
            row.put("working_set_max_share", maxOf(g.stream().filter(r -> r.lng("container_memory_working_set_bytes") != null
                    && r.lng("container_memory_limit_bytes") != null), r -> r.lng("container_memory_working_set_bytes")
                    / (double) r.lng("container_memory_limit_bytes")));
            result.add(row);
        }
        result.sort(Comparator.comparing((Map<String, Object> r) -> (Long) r.get("oom_kills"), Comparator.reverseOrder())
                .thenComparing(r -> (String) r.get("service"))
                .thenComparing(r -> (String) r.get("day_utc")));
        return result;
    }

    public static List<Map<String, Object>> heapByPod(List<StoredRow> rows) {
        List<StoredRow> inPods = rows.stream().filter(r -> r.str("k8s_pod_name") != null).toList();
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> g : groups(inPods, r -> nullableKey(r.str("k8s_namespace_name"), r.str("k8s_pod_name"),
                r.service())).values()) {
            Long heapMax = max(g, "jvm_heap_max_bytes");
            Long limit = max(g, "container_memory_limit_bytes");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("namespace", g.get(0).str("k8s_namespace_name"));
            row.put("pod", g.get(0).str("k8s_pod_name"));
            row.put("service", g.get(0).service());
            row.put("instances", distinctInstances(g));
            row.put("samples", (long) g.size());
            row.put("heap_used_avg_mib", divide(Expectations.avg(g, "jvm_heap_used_bytes"), MIB));
            row.put("heap_used_max_mib", divide(max(g, "jvm_heap_used_bytes"), MIB));
            row.put("heap_max_mib", divide(heapMax, MIB));
            row.put("heap_used_max_share", maxOf(g.stream().filter(r -> r.lng("jvm_heap_used_bytes") != null
                    && r.lng("jvm_heap_max_bytes") != null), r -> r.lng("jvm_heap_used_bytes") / (double) r.lng("jvm_heap_max_bytes")));
            row.put("working_set_max_mib", divide(max(g, "container_memory_working_set_bytes"), MIB));
            row.put("memory_limit_mib", divide(limit, MIB));
            row.put("heap_max_of_limit", heapMax == null || limit == null ? null : heapMax / (double) limit);
            result.add(row);
        }
        result.sort(Comparator.comparing((Map<String, Object> r) -> Rounding.round((Double) r.get("heap_used_max_share"), 4),
                        Comparator.nullsLast(Comparator.<Double>reverseOrder()))
                .thenComparing(r -> (String) r.get("namespace"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> (String) r.get("pod")));
        return result;
    }

    /** {@code coalesce(k8s_pod_name, container_name, host)}: the container a row is counted for. */
    private static String container(StoredRow r) {
        return firstNonNull(r.str("k8s_pod_name"), r.str("container_name"), r.str("host"));
    }

    private static List<String> containerKey(StoredRow r) {
        return nullableKey(r.service(), r.str("k8s_namespace_name"), container(r));
    }

    private static long distinctInstances(List<StoredRow> g) {
        return g.stream().map(r -> r.str("instance_id")).filter(Objects::nonNull).distinct().count();
    }

    private static <T> Double maxOf(java.util.stream.Stream<T> values, ToDoubleFunction<T> value) {
        return values.map(v -> value.applyAsDouble(v)).max(Double::compare).orElse(null);
    }

    private static Comparator<List<String>> keyOrder() {
        return (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Comparator.nullsLast(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** One map entry of {@code jvm_memory_pools}: the pool's name and the struct's fields the query reads. */
    private record Pool(String name, Boolean heap, Long used, Long usedAfterGc, Long max) {
        static Pool of(String name, Object struct) {
            Map<?, ?> fields = (Map<?, ?>) struct;
            return new Pool(name, (Boolean) fields.get("heap"), (Long) fields.get("used_bytes"),
                    (Long) fields.get("used_after_gc_bytes"), (Long) fields.get("max_bytes"));
        }
    }
}
