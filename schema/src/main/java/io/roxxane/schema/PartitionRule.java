package io.roxxane.schema;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The partition rule shared by the transform Lambda, the local file sink and the partition
 * registrar: {@code service=<sanitised service>/year=YYYY/month=MM/day=DD/hour=HH/} from the
 * sample's {@code ts} in UTC ({@link #keysFor}, {@link #pathFor}), and back from such a path
 * ({@link #parse}).
 */
public final class PartitionRule {
    /** Partition key names in path order; also the Glue table's partition keys (all strings). */
    public static final List<String> KEYS =
            Collections.unmodifiableList(Arrays.asList("service", "year", "month", "day", "hour"));

    /** Earliest {@code ts} a sample may carry: 2000-01-01T00:00:00Z. */
    public static final long MIN_TS_MS = 946_684_800_000L;

    /** Latest {@code ts} a sample may carry: 9999-12-31T23:59:59.999Z keeps the year four digits. */
    public static final long MAX_TS_MS = 253_402_300_799_999L;

    private static final long MS_PER_DAY = 86_400_000L;
    private static final long MS_PER_HOUR = 3_600_000L;
    private static final String LAYOUT = "service=S/year=YYYY/month=MM/day=DD/hour=HH/";

    private PartitionRule() {
    }

    /**
     * The partition of a sample.
     *
     * @throws IllegalArgumentException if {@code tsMillis} is outside [{@link #MIN_TS_MS}, {@link #MAX_TS_MS}]
     */
    public static PartitionKeys keysFor(String service, long tsMillis) {
        if (tsMillis < MIN_TS_MS || tsMillis > MAX_TS_MS) {
            throw new IllegalArgumentException("ts " + tsMillis + " is outside 2000-01-01..9999-12-31 (epoch ms UTC)");
        }
        long days = tsMillis / MS_PER_DAY;
        int hour = (int) ((tsMillis % MS_PER_DAY) / MS_PER_HOUR);
        long[] ymd = civilFromDays(days);
        return new PartitionKeys(ServiceNames.sanitize(service), pad((int) ymd[0], 4), pad((int) ymd[1], 2),
                pad((int) ymd[2], 2), pad(hour, 2));
    }

    /** Shorthand for {@code keysFor(service, tsMillis).path()}. */
    public static String pathFor(String service, long tsMillis) {
        return keysFor(service, tsMillis).path();
    }

    /**
     * The partition of a path or object key relative to the data set's root: exactly
     * {@code service=S/year=YYYY/month=MM/day=DD/hour=HH/} as {@link #pathFor} writes it,
     * optionally followed by one file name ({@code …/hour=HH/part-1.json.gz}). Strict: the keys
     * in this order, the service a sanitised name ({@link ServiceNames#sanitize} leaves it as it
     * is, so no upper case, {@code ..}, {@code =} or over-long names), a calendar date from
     * 2000-01-01 to 9999-12-31 in zero-padded digits, hour 00-23, no deeper folder, no
     * {@code .} or {@code ..} as the file name. Round trip: {@code parse(pathFor(s, ts))} equals
     * {@code keysFor(s, ts)}.
     *
     * @param relativePathOrKey a partition folder ending in {@code /}, or a file in one; {@code /}
     *        separates segments (a Windows path must be converted first)
     * @throws IllegalArgumentException naming what does not match the layout
     */
    public static PartitionKeys parse(String relativePathOrKey) {
        if (relativePathOrKey == null) {
            throw new IllegalArgumentException("partition path is null");
        }
        String[] segments = relativePathOrKey.split("/", -1);
        int keyCount = KEYS.size();
        String[] values = new String[keyCount];
        for (int i = 0; i < keyCount; i++) {
            String expected = KEYS.get(i) + "=";
            if (i >= segments.length) {
                throw new IllegalArgumentException("missing segment '" + expected + "…' in '" + relativePathOrKey
                        + "' (expected " + LAYOUT + ")");
            }
            if (!segments[i].startsWith(expected)) {
                throw new IllegalArgumentException("expected segment '" + expected + "…', found '" + segments[i] + "'");
            }
            values[i] = segments[i].substring(expected.length());
        }
        if (segments.length == keyCount) {
            throw new IllegalArgumentException("no '/' after hour=" + values[4] + " (expected " + LAYOUT + ")");
        }
        if (segments.length > keyCount + 1) {
            throw new IllegalArgumentException("expected " + LAYOUT + " and at most a file name, found "
                    + segments.length + " path segments");
        }
        String fileName = segments[keyCount];
        if (fileName.equals(".") || fileName.equals("..")) {
            throw new IllegalArgumentException("'" + fileName + "' after hour=" + values[4] + "/ is not a file name");
        }
        String service = values[0];
        if (!service.equals(ServiceNames.sanitize(service))) {
            throw new IllegalArgumentException("service '" + service
                    + "' is not a sanitised service name (lower-case letters, digits, '-', '_', inner single dots, at most "
                    + ServiceNames.MAX_LENGTH + " characters)");
        }
        int year = digits(values[1], 4, "year");
        int month = digits(values[2], 2, "month");
        int day = digits(values[3], 2, "day");
        int hour = digits(values[4], 2, "hour");
        if (year < 2000) {
            throw new IllegalArgumentException("year " + values[1] + " is before 2000");
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month " + values[2] + " is not 01-12");
        }
        if (day < 1 || day > daysInMonth(year, month)) {
            throw new IllegalArgumentException("year=" + values[1] + "/month=" + values[2] + "/day=" + values[3]
                    + " is not a calendar date");
        }
        if (hour > 23) {
            throw new IllegalArgumentException("hour " + values[4] + " is not 00-23");
        }
        return new PartitionKeys(service, values[1], values[2], values[3], values[4]);
    }

    // Exactly `width` ASCII digits (no sign, no other script's digits).
    private static int digits(String value, int width, String key) {
        if (value.length() != width) {
            throw new IllegalArgumentException(key + " '" + value + "' is not " + width + " digits");
        }
        int result = 0;
        for (int i = 0; i < width; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(key + " '" + value + "' is not " + width + " digits");
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    // Howard Hinnant's days-to-civil algorithm: exact for the proleptic Gregorian calendar and
    // free of java.time's zone machinery on the transform's hot path.
    private static long[] civilFromDays(long daysSinceEpoch) {
        long z = daysSinceEpoch + 719_468;
        long era = (z >= 0 ? z : z - 146_096) / 146_097;
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        return new long[] {m <= 2 ? y + 1 : y, m, d};
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        StringBuilder out = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(s).toString();
    }
}
