package io.roxxane.schema;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The partition rule shared by the transform Lambda and the local file sink:
 * {@code service=<sanitised service>/year=YYYY/month=MM/day=DD/hour=HH/} from the sample's
 * {@code ts} in UTC.
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
