package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.schema.Column;
import org.junit.jupiter.api.Test;

class ColumnFixtureTest {
    @Test
    void sampleFixture_whenComparedWithSchema_fillsEveryColumnButArrivalTsWithItsType() {
        JsonNode sample = TestEvents.sampleTree();
        for (Column column : Column.values()) {
            if (column == Column.ARRIVAL_TS) {
                assertFalse(sample.has(column.columnName()), "the transform adds arrival_ts");
            } else {
                assertTrue(sample.hasNonNull(column.columnName()), "fixture lacks column " + column.columnName());
            }
        }
        assertEquals(Column.values().length - 1, sample.size(), "fixture has only schema columns");
        ResponseContract.checkColumnTypes(sample, "fixture ");
    }
}
