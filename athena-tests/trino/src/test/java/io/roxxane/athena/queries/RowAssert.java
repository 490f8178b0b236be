package io.roxxane.athena.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a query's rows with the expected ones, in order: same columns, same values. Integral
 * numbers compare as longs (Trino answers {@code integer} or {@code bigint} by the SQL's types);
 * a column the query rounds to n digits compares within half a unit of the n-th digit, as the
 * exact value must lie there.
 */
public final class RowAssert {
    private RowAssert() {
    }

    public static void assertRows(String query, List<Map<String, Object>> expected, List<Map<String, Object>> actual,
            Map<String, Integer> roundedDigits) {
        List<String> problems = new ArrayList<>();
        if (expected.size() != actual.size()) {
            problems.add("expected " + expected.size() + " rows, got " + actual.size());
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()) && problems.size() < 10; i++) {
            Map<String, Object> e = expected.get(i);
            Map<String, Object> a = actual.get(i);
            if (!List.copyOf(e.keySet()).equals(List.copyOf(a.keySet()))) {
                problems.add("columns " + a.keySet() + ", expected " + e.keySet());
                break;
            }
            for (String column : e.keySet()) {
                Integer digits = roundedDigits.get(column);
                boolean same = digits == null ? normalised(e.get(column)).equals(normalised(a.get(column)))
                        : near(e.get(column), a.get(column), digits);
                if (!same) {
                    problems.add("row " + i + " " + column + ": expected " + e.get(column) + ", got " + a.get(column)
                            + (problems.isEmpty() ? "\n    expected row " + cut(e) + "\n    actual row   " + cut(a) : ""));
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(query + " on Trino:\n  " + String.join("\n  ", problems) + "\n  first expected rows: "
                    + cut(expected.subList(0, Math.min(3, expected.size()))) + "\n  first actual rows: "
                    + cut(actual.subList(0, Math.min(3, actual.size()))));
        }
        assertEquals(expected.size(), actual.size());
    }

    private static String cut(Object value) {
        String text = String.valueOf(value);
        return text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text;
    }

    /** Integral numbers as Long, decimals as BigDecimal without trailing zeros; null as a marker. */
    public static Object normalised(Object value) {
        if (value == null) {
            return "<NULL>";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros();
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        return value;
    }

    private static boolean near(Object exact, Object rounded, int digits) {
        if (exact == null || rounded == null) {
            return exact == rounded;
        }
        double halfUnit = 0.5 * Math.pow(10, -digits);
        return Math.abs(((Number) exact).doubleValue() - ((Number) rounded).doubleValue()) <= halfUnit + 1e-9;
    }
}
