package io.roxxane.agent.identity.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.MetricKind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetContextTest {
    @Test
    void columns_areTheSchemasContextColumns_identityStrings() {
        assertEquals(EnumSet.range(Column.CLOUD_PROVIDER, Column.RESOURCE_ATTRIBUTES), FleetContext.COLUMNS);
        for (Column column : FleetContext.COLUMNS) {
            assertEquals(MetricKind.IDENTITY, column.kind(), column.columnName());
            assertEquals(column == Column.RESOURCE_ATTRIBUTES ? ColumnType.STRING_MAP : ColumnType.STRING,
                    column.type(), column.columnName());
        }
    }

    @Test
    void writeTo_setsWhatIsKnownOnly() {
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        values.put(Column.CLOUD_REGION, "eu-west-1");
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("team", "payments");
        Sample sample = new Sample();
        new FleetContext(values, attributes).writeTo(sample);
        assertEquals("eu-west-1", sample.get(Column.CLOUD_REGION));
        assertEquals(Map.of("team", "payments"), sample.get(Column.RESOURCE_ATTRIBUTES));
        assertFalse(sample.has(Column.CLOUD_PROVIDER));

        Sample empty = new Sample();
        FleetContext.EMPTY.writeTo(empty);
        assertTrue(FleetContext.EMPTY.isEmpty());
        for (Column column : FleetContext.COLUMNS) {
            assertFalse(empty.has(column), column.columnName());
        }
    }
}
