package io.roxxane.registrar;

import io.roxxane.schema.PartitionRule;
import io.roxxane.schema.ServiceNames;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the partition out of an object key relative to the table location:
 * {@code service=S/year=YYYY/month=MM/day=DD/hour=HH/<file name>}, exactly the layout of
 * {@link PartitionRule}. Anything else (the Firehose error prefix, folder markers, keys in a
 * different order, deeper folders, values the transform could never have written) is refused
 * with the reason, so that only partitions Roxxane writes reach the Glue catalog.
 */
public final class PartitionKeyParser {
    private static final int SEGMENTS = PartitionRule.KEYS.size() + 1;

    private PartitionKeyParser() {
    }

    /**
     * @param relativeKey a decoded object key, relative to the table location
     * @throws UnrecognisedKeyException naming what does not match the layout
     */
    public static HivePartition parse(String relativeKey) {
        String[] segments = relativeKey.split("/", -1);
        if (segments.length != SEGMENTS) {
            throw new UnrecognisedKeyException("expected " + SEGMENTS
                    + " path segments (service=S/year=YYYY/month=MM/day=DD/hour=HH/<file>), found "
                    + segments.length);
        }
        String service = valueOf(segments[0], "service");
        String year = valueOf(segments[1], "year");
        String month = valueOf(segments[2], "month");
        String day = valueOf(segments[3], "day");
        String hour = valueOf(segments[4], "hour");
        String fileName = segments[5];
        if (fileName.isEmpty()) {
            throw new UnrecognisedKeyException("no file name after hour=" + hour + "/ (a folder marker)");
        }
        if (!service.equals(ServiceNames.sanitize(service))) {
            throw new UnrecognisedKeyException("service '" + service
                    + "' is not a sanitised service name (lower-case letters, digits, '-', '_', inner single dots, at most "
                    + ServiceNames.MAX_LENGTH + " characters)");
        }
        checkDigits(year, 4, "year");
        checkDigits(month, 2, "month");
        checkDigits(day, 2, "day");
        checkDigits(hour, 2, "hour");
        int y = Integer.parseInt(year);
        if (y < 2000) {
            throw new UnrecognisedKeyException("year " + year + " is before 2000");
        }
        try {
            LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new UnrecognisedKeyException("year=" + year + "/month=" + month + "/day=" + day
                    + " is not a calendar date");
        }
        if (Integer.parseInt(hour) > 23) {
            throw new UnrecognisedKeyException("hour " + hour + " is not 00-23");
        }
        return new HivePartition(service, year, month, day, hour);
    }

    private static String valueOf(String segment, String key) {
        String expected = key + "=";
        if (!segment.startsWith(expected)) {
            throw new UnrecognisedKeyException("expected segment '" + expected + "…', found '" + segment + "'");
        }
        return segment.substring(expected.length());
    }

    private static void checkDigits(String value, int width, String key) {
        if (value.length() != width) {
            throw new UnrecognisedKeyException(key + " '" + value + "' is not " + width + " digits");
        }
        for (int i = 0; i < width; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new UnrecognisedKeyException(key + " '" + value + "' is not " + width + " digits");
            }
        }
    }
}
