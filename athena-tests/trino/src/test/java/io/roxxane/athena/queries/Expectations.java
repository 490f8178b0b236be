package io.roxxane.athena.queries;

import io.roxxane.athena.data.StoredRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each query must return, computed in Java from the rows the table must hold (never from
 * SQL, never from a run): one method per query of docs/queries and one for the QuickSight data
 * set, each returning the rows in the query's order, with exact (unrounded) numbers for the
 * columns the query rounds. SQL's NULL rules are followed where the data has NULLs (aggregates
 * skip them; a group with none gives NULL; comparisons with NULL are false; NULLs sort last).
 */
public final class Expectations {
    public static final double MIB = 1024.0 * 1024;
    public static final double GIB = 1024 * MIB;

    private Expectations() {
    }

    public static List<Map<String, Object>> heapGcByServiceHour(List<StoredRow> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> g : groups(rows, r -> List.of(r.service(), r.hourUtc())).values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", g.get(0).service());
            row.put("hour_utc", g.get(0).hourUtc());
            row.put("samples", (long) g.size());
            row.put("instances", g.stream().map(r -> r.str("instance_id")).filter(Objects::nonNull).distinct().count());
            row.put("heap_used_avg_mib", divide(avg(g, "jvm_heap_used_bytes"), MIB));
            row.put("heap_used_max_mib", divide(max(g, "jvm_heap_used_bytes"), MIB));
            row.put("heap_max_mib", divide(max(g, "jvm_heap_max_bytes"), MIB));
            row.put("heap_used_max_ratio", g.stream()
                    .filter(r -> r.lng("jvm_heap_used_bytes") != null && r.lng("jvm_heap_max_bytes") != null)
                    .map(r -> (double) r.lng("jvm_heap_used_bytes") / r.lng("jvm_heap_max_bytes"))
                    .max(Double::compare).orElse(null));
            row.put("gc_young_count", sum(g, "jvm_gc_young_count"));
            row.put("gc_old_count", sum(g, "jvm_gc_old_count"));
            long gcTime = g.stream().mapToLong(r -> orZero(r.lng("jvm_gc_young_time_ms")) + orZero(r.lng("jvm_gc_old_time_ms"))).sum();
            row.put("gc_time_ms", gcTime);
            Long interval = sum(g, "interval_ms");
            row.put("gc_time_share", interval == null ? null : (double) gcTime / interval);
            result.add(row);
        }
        return result;
    }

    public static List<Map<String, Object>> gcPauseByServiceDay(List<StoredRow> rows) {
        List<StoredRow> withGc = rows.stream().filter(r -> r.lng("jvm_gc_max_pause_ms") != null
                && orZero(r.lng("jvm_gc_young_count")) + orZero(r.lng("jvm_gc_old_count")) > 0).toList();
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> g : groups(withGc, r -> List.of(r.service(), r.dayUtc())).values()) {
            List<Long> pauses = g.stream().map(r -> r.lng("jvm_gc_max_pause_ms")).sorted().toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", g.get(0).service());
            row.put("day_utc", g.get(0).dayUtc());
            row.put("intervals_with_gc", (long) pauses.size());
            row.put("gc_pause_p95_ms", nearestRank95(pauses));
            row.put("gc_pause_max_ms", pauses.get(pauses.size() - 1));
            result.add(row);
        }
        return result;
    }

    public static List<Map<String, Object>> hostHeadroom(List<StoredRow> rows) {
        List<StoredRow> withCpu = rows.stream().filter(r -> r.dbl("host_cpu_utilization") != null).toList();
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> g : groups(withCpu, r -> nullableKey(r.str("host"))).values()) {
            List<Double> cpu = g.stream().map(r -> r.dbl("host_cpu_utilization")).sorted().toList();
            double p95 = nearestRank95(cpu);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("host", g.get(0).str("host"));
            row.put("samples", (long) g.size());
            row.put("cpu_count", max(g, "host_cpu_count"));
            row.put("cpu_avg", cpu.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            row.put("cpu_p95", p95);
            row.put("cpu_max", cpu.get(cpu.size() - 1));
            row.put("cpu_headroom_p95", 1 - p95);
            row.put("memory_total_gib", divide(max(g, "host_memory_total_bytes"), GIB));
            row.put("memory_available_min_gib", divide(min(g, "host_memory_available_bytes"), GIB));
            row.put("memory_headroom_min", g.stream()
                    .filter(r -> r.lng("host_memory_available_bytes") != null && r.lng("host_memory_total_bytes") != null)
                    .map(r -> (double) r.lng("host_memory_available_bytes") / r.lng("host_memory_total_bytes"))
                    .min(Double::compare).orElse(null));
            row.put("swap_used_max_mib", divide(max(g, "host_swap_used_bytes"), MIB));
            result.add(row);
        }
        // ORDER BY the rounded output columns, then host.
        result.sort(Comparator.comparing((Map<String, Object> r) -> Rounding.round((Double) r.get("cpu_headroom_p95"), 4),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> Rounding.round((Double) r.get("memory_headroom_min"), 4),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> (String) r.get("host"), Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    public static List<Map<String, Object>> growingThreadsOrMetaspace(List<StoredRow> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> instance : groups(rows, r -> nullableKey(r.service(), r.str("host"), r.str("instance_id"))).values()) {
            TreeMap<String, List<StoredRow>> hours = new TreeMap<>(
                    instance.stream().collect(Collectors.groupingBy(StoredRow::hourUtc)));
            List<Long> threads = new ArrayList<>();
            List<Long> metaspace = new ArrayList<>();
            for (List<StoredRow> hour : hours.values()) {
                threads.add(max(hour, "jvm_threads_live"));
                metaspace.add(max(hour, "jvm_metaspace_used_bytes"));
            }
            Long threadsStep = minStep(threads);
            Long metaspaceStep = minStep(metaspace);
            boolean threadsGrow = threadsStep != null && threadsStep > 0;
            boolean metaspaceGrows = metaspaceStep != null && metaspaceStep > 0;
            if (hours.size() < 3 || !threadsGrow && !metaspaceGrows) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", instance.get(0).service());
            row.put("host", instance.get(0).str("host"));
            row.put("instance_id", instance.get(0).str("instance_id"));
            row.put("growing", threadsGrow && metaspaceGrows ? "threads+metaspace" : threadsGrow ? "threads" : "metaspace");
            row.put("hours", (long) hours.size());
            row.put("first_hour_utc", hours.firstKey());
            row.put("last_hour_utc", hours.lastKey());
            row.put("threads_first", threads.get(0));
            row.put("threads_last", threads.get(threads.size() - 1));
            row.put("metaspace_first_mib", divide(metaspace.get(0), MIB));
            row.put("metaspace_last_mib", divide(metaspace.get(metaspace.size() - 1), MIB));
            result.add(row);
        }
        result.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("service"))
                .thenComparing(r -> (String) r.get("instance_id"), Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    public static List<Map<String, Object>> seqLossAndDuplicates(List<StoredRow> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> g : groups(rows, r -> nullableKey(r.service(), r.str("host"), r.str("instance_id"))).values()) {
            Set<Long> distinct = new HashSet<>();
            g.stream().map(r -> r.lng("seq")).filter(Objects::nonNull).forEach(distinct::add);
            Long first = min(g, "seq");
            Long last = max(g, "seq");
            Long lost = first == null ? null : last - first + 1 - distinct.size();
            long duplicated = g.size() - distinct.size();
            if (!(lost != null && lost > 0 || duplicated > 0)) {
                continue;
            }
            Map<String, Object> row = identity(g.get(0));
            row.put("rows_stored", (long) g.size());
            row.put("samples_distinct", (long) distinct.size());
            row.put("seq_first", first);
            row.put("seq_last", last);
            row.put("samples_lost", lost);
            row.put("rows_duplicated", duplicated);
            result.add(row);
        }
        result.sort(Comparator.comparing((Map<String, Object> r) -> (Long) r.get("samples_lost"),
                        Comparator.nullsLast(Comparator.<Long>reverseOrder()))
                .thenComparing(r -> (Long) r.get("rows_duplicated"), Comparator.reverseOrder())
                .thenComparing(r -> (String) r.get("instance_id"), Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    public static List<Map<String, Object>> seqGaps(List<StoredRow> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> instance : groups(rows, r -> nullableKey(r.str("instance_id"))).values()) {
            // stored: one row per seq with its earliest ts
            TreeMap<Long, StoredRow> bySeq = new TreeMap<>();
            for (StoredRow r : instance) {
                if (r.lng("seq") != null) {
                    bySeq.merge(r.lng("seq"), r, (a, b) -> a.lng("ts") <= b.lng("ts") ? a : b);
                }
            }
            Map.Entry<Long, StoredRow> previous = null;
            for (Map.Entry<Long, StoredRow> current : bySeq.entrySet()) {
                if (previous != null && current.getKey() - previous.getKey() > 1) {
                    Map<String, Object> row = identity(current.getValue());
                    row.put("first_missing_seq", previous.getKey() + 1);
                    row.put("last_missing_seq", current.getKey() - 1);
                    row.put("missing", current.getKey() - previous.getKey() - 1);
                    row.put("gap_after_ts", previous.getValue().lng("ts"));
                    row.put("gap_before_ts", current.getValue().lng("ts"));
                    result.add(row);
                }
                previous = current;
            }
        }
        result.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("instance_id"))
                .thenComparing(r -> (Long) r.get("first_missing_seq")));
        return result;
    }

    public static List<Map<String, Object>> droppedSamplesByAgent(List<StoredRow> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (List<StoredRow> g : groups(rows, r -> nullableKey(r.service(), r.str("host"), r.str("instance_id"))).values()) {
            Long dropped = max(g, "agent_dropped_samples");
            if (dropped == null || dropped <= 0) {
                continue;
            }
            Map<String, Object> row = identity(g.get(0));
            row.put("dropped_samples", dropped);
            row.put("first_dropping_ts", g.stream().filter(r -> r.lng("agent_dropped_samples") != null
                    && r.lng("agent_dropped_samples") > 0).map(r -> r.lng("ts")).min(Long::compare).orElse(null));
            row.put("last_sample_ts", max(g, "ts"));
            row.put("delivery_failures", max(g, "agent_failures"));
            row.put("delivery_retries", max(g, "agent_retries"));
            result.add(row);
        }
        result.sort(Comparator.comparing((Map<String, Object> r) -> (Long) r.get("dropped_samples"), Comparator.reverseOrder())
                .thenComparing(r -> (String) r.get("instance_id"), Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    /**
     * The QuickSight data set: one row per stored sample of the 14 UTC days before {@code today}
     * and today (by partition), in no particular order.
     */
    public static List<Map<String, Object>> quickSightSamples(List<StoredRow> rows, LocalDate today) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (StoredRow r : lastFourteenDays(rows, today)) {
            Map<String, Object> row = new LinkedHashMap<>();
            long gcTime = orZero(r.lng("jvm_gc_young_time_ms")) + orZero(r.lng("jvm_gc_old_time_ms"));
            row.put("sample_time", sampleTime(r));
            row.put("service", r.service());
            row.put("host", r.str("host"));
            row.put("instance_id", r.str("instance_id"));
            row.put("heap_used_mib", divide(r.lng("jvm_heap_used_bytes"), MIB));
            row.put("heap_max_mib", divide(r.lng("jvm_heap_max_bytes"), MIB));
            row.put("gc_time_ms", gcTime);
            row.put("gc_time_share", r.lng("interval_ms") == null ? null : gcTime / (double) r.lng("interval_ms"));
            row.put("gc_max_pause_ms", r.lng("jvm_gc_max_pause_ms"));
            row.put("host_cpu_utilization", r.dbl("host_cpu_utilization"));
            row.put("process_cpu_utilization", r.dbl("process_cpu_utilization"));
            row.put("container", firstNonNull(r.str("k8s_pod_name"), r.str("container_name"), r.str("host")));
            Long throttled = r.lng("container_cpu_throttled_ms");
            row.put("cpu_throttled_share", throttled == null || r.lng("interval_ms") == null ? null
                    : throttled / (double) r.lng("interval_ms"));
            row.put("working_set_mib", divide(r.lng("container_memory_working_set_bytes"), MIB));
            row.put("oom_kills", r.lng("container_oom_kills"));
            result.add(row);
        }
        return result;
    }

    /**
     * The rows a QuickSight data set reads: those of the 14 UTC days before {@code today} and today,
     * by partition ({@code concat(year, '-', month, '-', day) >= CAST(current_date - interval '14' day AS varchar)}).
     */
    static List<StoredRow> lastFourteenDays(List<StoredRow> rows, LocalDate today) {
        String first = today.minusDays(14).toString();
        return rows.stream().filter(r -> r.dayUtc().compareTo(first) >= 0).toList();
    }

    /** {@code CAST(from_unixtime(ts / 1000.0) AS timestamp)} in a UTC session. */
    static LocalDateTime sampleTime(StoredRow r) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(r.lng("ts")), ZoneOffset.UTC);
    }

    /** SQL's {@code coalesce}: the first value that is not NULL. */
    static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Map<String, Object> identity(StoredRow r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service", r.service());
        row.put("host", r.str("host"));
        row.put("instance_id", r.str("instance_id"));
        return row;
    }

    /** The smallest value with at least 95 % of the values at or below it; {@code sorted} ascending. */
    private static <T> T nearestRank95(List<T> sorted) {
        int n = sorted.size();
        return sorted.get((95 * n + 99) / 100 - 1);
    }

    /** The smallest rise from one hour to the next, or null with fewer than two hours. */
    private static Long minStep(List<Long> hourly) {
        Long min = null;
        for (int i = 1; i < hourly.size(); i++) {
            if (hourly.get(i) != null && hourly.get(i - 1) != null) {
                long step = hourly.get(i) - hourly.get(i - 1);
                min = min == null ? step : Math.min(min, step);
            }
        }
        return min;
    }

    /** Groups (of rows, or of anything drawn from them) in key order, NULL keys as their own group, last. */
    static <T, K extends Comparable<K>> Map<List<K>, List<T>> groups(List<T> rows, Function<T, List<K>> key) {
        Comparator<List<K>> order = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Comparator.nullsLast(Comparator.<K>naturalOrder()).compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Map<List<K>, List<T>> groups = new TreeMap<>(order);
        for (T r : rows) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    /** A grouping key whose parts may be NULL (List.of refuses null). */
    static List<String> nullableKey(String... values) {
        return java.util.Arrays.asList(values);
    }

    static Long sum(List<StoredRow> g, String column) {
        return g.stream().map(r -> r.lng(column)).filter(Objects::nonNull).reduce(Long::sum).orElse(null);
    }

    static Long max(List<StoredRow> g, String column) {
        return g.stream().map(r -> r.lng(column)).filter(Objects::nonNull).max(Long::compare).orElse(null);
    }

    static Long min(List<StoredRow> g, String column) {
        return g.stream().map(r -> r.lng(column)).filter(Objects::nonNull).min(Long::compare).orElse(null);
    }

    static Double avg(List<StoredRow> g, String column) {
        List<Long> values = g.stream().map(r -> r.lng(column)).filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : values.stream().mapToDouble(Long::doubleValue).average().orElseThrow();
    }

    static Double divide(Number value, double by) {
        return value == null ? null : value.doubleValue() / by;
    }

    static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
