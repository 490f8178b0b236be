package io.roxxane.schema;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The five Hive partition values of one sample; all are safe S3 path segments. Only
 * {@link PartitionRule} makes them ({@code keysFor} from a timestamp, {@code parse} from a
 * path), so every instance is a valid partition.
 */
public final class PartitionKeys {
    private final String service;
    private final String year;
    private final String month;
    private final String day;
    private final String hour;

    PartitionKeys(String service, String year, String month, String day, String hour) {
        this.service = service;
        this.year = year;
        this.month = month;
        this.day = day;
        this.hour = hour;
    }

    public String service() {
        return service;
    }

    /** Four digits. */
    public String year() {
        return year;
    }

    /** Two digits, 01-12. */
    public String month() {
        return month;
    }

    /** Two digits, 01-31. */
    public String day() {
        return day;
    }

    /** Two digits, 00-23. */
    public String hour() {
        return hour;
    }

    /** The values in the order of {@link PartitionRule#KEYS}: service, year, month, day, hour (a Glue partition's values). */
    public List<String> values() {
        return Collections.unmodifiableList(Arrays.asList(service, year, month, day, hour));
    }

    /** {@code service=…/year=YYYY/month=MM/day=DD/hour=HH/}, relative, ending in a slash. */
    public String path() {
        return "service=" + service + "/year=" + year + "/month=" + month + "/day=" + day + "/hour=" + hour + "/";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PartitionKeys)) {
            return false;
        }
        PartitionKeys other = (PartitionKeys) o;
        return hour.equals(other.hour) && day.equals(other.day) && month.equals(other.month) && year.equals(other.year)
                && service.equals(other.service);
    }

    @Override
    public int hashCode() {
        return (((service.hashCode() * 31 + year.hashCode()) * 31 + month.hashCode()) * 31 + day.hashCode()) * 31
                + hour.hashCode();
    }

    @Override
    public String toString() {
        return path();
    }
}
