package io.roxxane.registrar;

import io.roxxane.schema.PartitionRule;
import java.util.List;

/**
 * One partition of the metrics table: the five values of {@link PartitionRule#KEYS}, already
 * validated by {@link PartitionKeyParser}.
 */
public record HivePartition(String service, String year, String month, String day, String hour) {

    /** The partition values in the order of {@link PartitionRule#KEYS}: service, year, month, day, hour. */
    public List<String> values() {
        return List.of(service, year, month, day, hour);
    }

    /** {@code service=…/year=YYYY/month=MM/day=DD/hour=HH/}, relative to the table location. */
    public String relativePath() {
        return "service=" + service + "/year=" + year + "/month=" + month + "/day=" + day + "/hour=" + hour + "/";
    }

    @Override
    public String toString() {
        return relativePath();
    }
}
