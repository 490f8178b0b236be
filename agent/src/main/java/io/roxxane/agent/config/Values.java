package io.roxxane.agent.config;

import java.util.Locale;

/** Parses the text forms of durations and sizes used by the settings. */
final class Values {
    private Values() {
    }

    /**
     * A duration: a non-negative integer with a unit {@code ms}, {@code s}, {@code m} or {@code h}
     * ({@code 500ms}, {@code 10s}, {@code 1m}). Returns milliseconds, or -1 if malformed.
     */
    static long parseDurationMillis(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long unit;
        String digits;
        if (s.endsWith("ms")) {
            unit = 1;
            digits = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            unit = 1_000;
            digits = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
            unit = 60_000;
            digits = s.substring(0, s.length() - 1);
        } else if (s.endsWith("h")) {
            unit = 3_600_000;
            digits = s.substring(0, s.length() - 1);
        } else {
            return -1;
        }
        long value = parseDigits(digits.trim());
        if (value < 0 || value > Long.MAX_VALUE / unit) {
            return -1;
        }
        return value * unit;
    }

    /**
     * A size: a non-negative integer with an optional unit: none or {@code B} for bytes,
     * {@code K}/{@code KB}/{@code KiB}, {@code M}/{@code MB}/{@code MiB}, {@code G}/{@code GB}/{@code GiB}
     * (all binary: 1K = 1024). Returns bytes, or -1 if malformed.
     */
    static long parseBytes(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = 1;
        if (s.endsWith("k")) {
            unit = 1L << 10;
        } else if (s.endsWith("m")) {
            unit = 1L << 20;
        } else if (s.endsWith("g")) {
            unit = 1L << 30;
        }
        if (unit != 1) {
            s = s.substring(0, s.length() - 1);
        }
        long value = parseDigits(s.trim());
        if (value < 0 || value > Long.MAX_VALUE / unit) {
            return -1;
        }
        return value * unit;
    }

    private static long parseDigits(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }
}
