package io.roxxane.athena.data;

import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row the table must hold for one sample, from the transform's contract (transform/README.md)
 * and the record format conversion: the sample's table columns typed as the schema says (absent or
 * null keys are NULL, unknown keys are gone, and so are the columns the table did not have yet when
 * the sample was converted), {@code arrival_ts} = the record's arrival, a missing {@code ts} = the
 * arrival, and the partition of {@code PartitionRule.keysFor(service, ts)}. Computed from what was
 * sent, never from what was read.
 */
public record StoredRow(Map<String, Object> columns, PartitionKeys partition) {

    /** @param convertedColumns the columns of the table version that converted the sample */
    static StoredRow of(Map<String, Object> sample, long arrivalMillis, Set<String> convertedColumns) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Column column : Column.tableColumns()) {
            String name = column.columnName();
            columns.put(name, convertedColumns.contains(name) ? ColumnValues.typed(column.type(), sample.get(name)) : null);
        }
        columns.put(Column.ARRIVAL_TS.columnName(), arrivalMillis);
        if (columns.get(Column.TS.columnName()) == null) {
            columns.put(Column.TS.columnName(), arrivalMillis);
        }
        Object service = sample.get(Column.SERVICE.columnName());
        PartitionKeys keys = PartitionRule.keysFor((String) service, (Long) columns.get(Column.TS.columnName()));
        return new StoredRow(columns, keys);
    }

    public Object get(String column) {
        if (PartitionRule.KEYS.contains(column)) {
            return partitionValue(column);
        }
        if (!columns.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column);
        }
        return columns.get(column);
    }

    public Long lng(String column) {
        Object value = get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    /** A map column's value: entries by key, a struct as a map of its fields. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String column) {
        return (Map<String, Object>) get(column);
    }

    public Double dbl(String column) {
        Object value = get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public String str(String column) {
        return (String) get(column);
    }

    public String service() {
        return partition.service();
    }

    /** {@code YYYY-MM-DD HH:00}, as the queries print an hour. */
    public String hourUtc() {
        return partition.year() + "-" + partition.month() + "-" + partition.day() + " " + partition.hour() + ":00";
    }

    /** {@code YYYY-MM-DD}. */
    public String dayUtc() {
        return partition.year() + "-" + partition.month() + "-" + partition.day();
    }

    /** The partition values in {@link PartitionRule#KEYS} order. */
    public List<String> partitionValues() {
        return PartitionRule.KEYS.stream().map(this::partitionValue).toList();
    }

    private String partitionValue(String key) {
        return switch (key) {
            case "service" -> partition.service();
            case "year" -> partition.year();
            case "month" -> partition.month();
            case "day" -> partition.day();
            case "hour" -> partition.hour();
            default -> throw new IllegalArgumentException(key);
        };
    }
}
