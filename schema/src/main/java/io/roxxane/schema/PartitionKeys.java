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
    /** service, year, month, day, hour: the order of {@link PartitionRule#KEYS}. */
    private final List<String> values;

    PartitionKeys(String service, String year, String month, String day, String hour) {
        this.values = Collections.unmodifiableList(Arrays.asList(service, year, month, day, hour));
    }

    public String service() {
        return values.get(0);
    }

    /** Four digits. */
    public String year() {
        return values.get(1);
    }

    /** Two digits, 01-12. */
    public String month() {
        return values.get(2);
    }

    /** Two digits, 01-31. */
    public String day() {
        return values.get(3);
    }

    /** Two digits, 00-23. */
    public String hour() {
        return values.get(4);
    }

    /** The values in the order of {@link PartitionRule#KEYS}: service, year, month, day, hour (a Glue partition's values). */
    public List<String> values() {
        return values;
    }

    /** {@code service=…/year=YYYY/month=MM/day=DD/hour=HH/}, relative, ending in a slash. */
    public String path() {
        StringBuilder path = new StringBuilder(64);
        for (int i = 0; i < values.size(); i++) {
            path.append(PartitionRule.KEYS.get(i)).append('=').append(values.get(i)).append('/');
        }
        return path.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionKeys && values.equals(((PartitionKeys) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return path();
    }
}
