package io.roxxane.agent.identity.context;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the samples come from, beyond the JVM itself: the cloud, ECS and Kubernetes columns and
 * the {@code resource_attributes} map. Immutable; every sample writes the latest one.
 */
public final class FleetContext {
    /** The columns a fleet context may fill: each a semantic convention's, and {@code resource_attributes}. */
    public static final Set<Column> COLUMNS;

    static {
        EnumSet<Column> columns = EnumSet.copyOf(OtelResource.COLUMN_BY_KEY.values());
        columns.add(Column.RESOURCE_ATTRIBUTES);
        COLUMNS = Collections.unmodifiableSet(columns);
    }

    /** Nothing known. */
    public static final FleetContext EMPTY =
            new FleetContext(new EnumMap<Column, String>(Column.class), new LinkedHashMap<String, String>());

    private final Map<Column, String> values;
    private final Map<String, String> resourceAttributes;

    FleetContext(EnumMap<Column, String> values, Map<String, String> resourceAttributes) {
        this.values = Collections.unmodifiableMap(new EnumMap<Column, String>(values));
        this.resourceAttributes = Collections.unmodifiableMap(new LinkedHashMap<String, String>(resourceAttributes));
    }

    /** The value of a context column, or null when it is not known. */
    public String get(Column column) {
        return values.get(column);
    }

    /** The known context columns and their values. */
    public Map<Column, String> values() {
        return values;
    }

    /** The {@code OTEL_RESOURCE_ATTRIBUTES} entries that have no column of their own. */
    public Map<String, String> resourceAttributes() {
        return resourceAttributes;
    }

    public boolean isEmpty() {
        return values.isEmpty() && resourceAttributes.isEmpty();
    }

    /** Writes the known columns; the unknown ones stay absent. */
    public void writeTo(Sample sample) {
        for (Map.Entry<Column, String> entry : values.entrySet()) {
            sample.set(entry.getKey(), entry.getValue());
        }
        if (!resourceAttributes.isEmpty()) {
            sample.set(Column.RESOURCE_ATTRIBUTES, resourceAttributes);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Column, String> entry : values.entrySet()) {
            out.append(out.length() == 0 ? "" : ", ").append(entry.getKey().columnName()).append('=')
                    .append(entry.getValue());
        }
        if (!resourceAttributes.isEmpty()) {
            out.append(out.length() == 0 ? "" : ", ").append("resource_attributes=").append(resourceAttributes);
        }
        return out.length() == 0 ? "(none)" : out.toString();
    }
}
