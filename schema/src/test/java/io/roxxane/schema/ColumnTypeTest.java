package io.roxxane.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {

    @Test
    void structField_mayBeAMapOfScalars() {
        ColumnType labelled = ColumnType.structOf("name", ColumnType.STRING, "labels", ColumnType.STRING_MAP,
                "value", ColumnType.DOUBLE);
        assertEquals("struct<name:string,labels:map<string,string>,value:double>", labelled.glueType());
        assertEquals(ColumnType.Kind.MAP, labelled.fields().get("labels").kind());
        assertEquals(ColumnType.STRING, labelled.fields().get("labels").valueType());
    }

    @Test
    void structField_mayNotNestStructs() {
        ColumnType inner = ColumnType.structOf("a", ColumnType.BIGINT);
        IllegalArgumentException struct = assertThrows(IllegalArgumentException.class,
                () -> ColumnType.structOf("inner", inner));
        assertTrue(struct.getMessage().contains("inner"), struct.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnType.structOf("m", ColumnType.mapOf(inner)));
    }

    @Test
    void appMetrics_isAMapOfLabelledValues() {
        assertEquals("map<string,struct<name:string,labels:map<string,string>,type:string,value:double>>",
                Column.APP_METRICS.type().glueType());
        assertEquals(ColumnType.Kind.MAP, Column.APP_METRICS.type().kind());
        assertEquals(List.of("name", "labels", "type", "value"), Column.APP_METRICS.type().valueType().fieldNames());
        assertFalse(Column.APP_METRICS.type().isScalar());
        assertEquals("bigint", Column.AGENT_JMX_SKIPPED.type().glueType());
    }

    @Test
    void applicationColumns_comeLastInSchemaTwo() {
        Column[] columns = Column.values();
        assertEquals(Column.APP_METRICS, columns[columns.length - 2]);
        assertEquals(Column.AGENT_JMX_SKIPPED, columns[columns.length - 1]);
        assertEquals(2, Column.APP_METRICS.sinceVersion());
        assertEquals(2, Column.AGENT_JMX_SKIPPED.sinceVersion());
        assertEquals(2, Schema.VERSION);
        assertTrue(Column.APP_METRICS.isTableColumn());
    }
}
