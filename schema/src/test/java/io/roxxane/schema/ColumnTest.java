package io.roxxane.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnTest {

    @Test
    void names_areUniqueSnakeCase() {
        Set<String> seen = new HashSet<>();
        for (Column column : Column.values()) {
            assertTrue(column.columnName().matches("[a-z][a-z0-9_]*"), column.columnName());
            assertTrue(seen.add(column.columnName()), "duplicate " + column.columnName());
            assertSame(column, Column.byName(column.columnName()));
            assertFalse(column.description().isEmpty(), column.columnName());
            assertTrue(column.description().length() <= 255, column.columnName()
                    + ": the description is the Glue column's comment, at most 255 characters");
        }
        assertNull(Column.byName("no_such_column"));
    }

    @Test
    void tableColumns_excludeEveryPartitionKey() {
        for (Column column : Column.tableColumns()) {
            assertFalse(PartitionRule.KEYS.contains(column.columnName()), column.columnName());
        }
        assertFalse(Column.SERVICE.isTableColumn());
        assertEquals(Column.values().length - 1, Column.tableColumns().size());
    }

    @Test
    void unitsMatchTheNameSuffix() {
        for (Column column : Column.values()) {
            String name = column.columnName();
            if (name.endsWith("_bytes")) {
                assertEquals("bytes", column.unit(), name);
            } else if (name.endsWith("_ms")) {
                assertEquals("ms", column.unit(), name);
            } else if (name.endsWith("_us")) {
                assertEquals("us", column.unit(), name);
            }
        }
    }
}
