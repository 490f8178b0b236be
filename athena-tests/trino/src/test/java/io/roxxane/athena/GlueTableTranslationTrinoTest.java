package io.roxxane.athena;

import static io.trino.type.InternalTypeManager.TESTING_TYPE_MANAGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.glue.CatalogTemplate;
import io.roxxane.athena.glue.GlueTable;
import io.roxxane.athena.glue.GlueTable.GlueColumn;
import io.roxxane.athena.trino.GlueTableTranslation;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import io.trino.metastore.Partition;
import io.trino.metastore.Table;
import io.trino.plugin.hive.HiveStorageFormat;
import io.trino.plugin.hive.HiveTimestampPrecision;
import io.trino.plugin.hive.util.HiveTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The translation of the template's Glue table into Trino's metastore table (what Athena's engine
 * gets from Glue): nothing invented, nothing lost, and nothing Trino would read another way.
 */
class GlueTableTranslationTrinoTest {
    private final CatalogTemplate template = new CatalogTemplate(Repo.catalogTemplate(), Map.of("DataBucketName", "bucket-1"));
    private final GlueTable glue = template.table();
    private final GlueTableTranslation translation = new GlueTableTranslation("s3://bucket-1/", "local:///bucket-1/");

    @Test
    void template_declaresTheSchemasColumns_andThePartitionRulesKeys() {
        assertEquals(Column.tableColumns().stream().map(c -> c.columnName() + " " + c.type().glueType()).toList(),
                glue.columns().stream().map(c -> c.name() + " " + c.type()).toList());
        assertEquals(PartitionRule.KEYS.stream().map(k -> k + " string").toList(),
                glue.partitionKeys().stream().map(c -> c.name() + " " + c.type()).toList());
        assertEquals("s3://bucket-1/metrics/", glue.location());
    }

    @Test
    void table_keepsEveryColumnTypeCommentSerdeAndParameter() {
        Table table = translation.table("roxxane", glue);

        List<String> columns = new ArrayList<>();
        table.getDataColumns().forEach(c -> columns.add(c.getName() + " " + c.getType() + " " + c.getComment().orElse(null)));
        assertEquals(glue.columns().stream().map(c -> c.name() + " " + c.type() + " " + c.comment()).toList(), columns);
        assertEquals(glue.partitionKeys().stream().map(c -> c.name() + " " + c.type()).toList(),
                table.getPartitionColumns().stream().map(c -> c.getName() + " " + c.getType()).toList());
        assertEquals(glue.parameters(), table.getParameters());
        assertEquals(glue.serdeParameters(), table.getStorage().getSerdeParameters());
        assertEquals("EXTERNAL_TABLE", table.getTableType());
        assertEquals(Optional.of(HiveStorageFormat.PARQUET), HiveStorageFormat.getHiveStorageFormat(table.getStorage()
                .getStorageFormat()), "SerDe and formats are Parquet's, as Trino recognises them");
        assertEquals("local:///bucket-1/metrics/", table.getStorage().getLocation());
        for (io.trino.metastore.Column column : table.getDataColumns()) {
            assertTrue(HiveTypeUtil.typeSupported(column.getType().getTypeInfo(), table.getStorage().getStorageFormat()),
                    column + " is readable from Parquet");
        }
    }

    @Test
    void everyColumnType_isTheTrinoTypeOfItsSchemaType_mapsOfStructsAsMapsOfRows() {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (io.trino.metastore.Column column : translation.table("roxxane", glue).getDataColumns()) {
            expected.add(column.getName() + " " + SqlTypes.of(Column.byName(column.getName()).type()));
            actual.add(column.getName() + " " + HiveTypeUtil.getType(column.getType(), TESTING_TYPE_MANAGER,
                    HiveTimestampPrecision.DEFAULT_PRECISION).getDisplayName());
        }
        assertEquals(expected, actual);
        assertTrue(actual.contains("jvm_memory_pools map(varchar, row(\"heap\" boolean, \"used_bytes\" bigint,"
                + " \"committed_bytes\" bigint, \"max_bytes\" bigint, \"used_after_gc_bytes\" bigint))"), actual.toString());
    }

    @Test
    void partition_copiesTheTablesStorageAsRegistered_atItsOwnFolder() {
        Table table = translation.table("roxxane", glue);
        Partition partition = translation.partition("roxxane", glue, List.of("checkout", "2026", "03", "10", "22"),
                "s3://bucket-1/metrics/service=checkout/year=2026/month=03/day=10/hour=22/");
        Partition before = translation.partition("roxxane", glue.asOfSchemaVersion(1), List.of("checkout", "2026", "03", "10", "21"),
                "s3://bucket-1/metrics/service=checkout/year=2026/month=03/day=10/hour=21/");

        assertEquals(table.getStorage().getStorageFormat(), partition.getStorage().getStorageFormat());
        assertEquals(table.getStorage().getSerdeParameters(), partition.getStorage().getSerdeParameters());
        assertEquals(table.getDataColumns(), partition.getColumns());
        assertEquals("local:///bucket-1/metrics/service=checkout/year=2026/month=03/day=10/hour=22/",
                partition.getStorage().getLocation());
        assertEquals(table.getDataColumns().subList(0, before.getColumns().size()), before.getColumns(),
                "a partition registered before the upgrade: the schema-1 columns, a prefix of the table's");
        assertEquals(Column.tableColumns().stream().filter(c -> c.sinceVersion() == 1).map(Column::columnName).toList(),
                before.getColumns().stream().map(io.trino.metastore.Column::getName).toList());
    }

    @Test
    void nestedTypes_translateToo_aTypeHiveDoesNotKnowFails_aForeignLocationFails() {
        GlueTable nested = new GlueTable("t", "EXTERNAL_TABLE",
                List.of(new GlueColumn("gc", "struct<name:string,pauses:array<bigint>,by_cause:map<string,double>>", null)),
                List.of(), "s3://bucket-1/t/", glue.inputFormat(), glue.outputFormat(), glue.serializationLibrary(), Map.of(), Map.of());
        assertEquals("struct<name:string,pauses:array<bigint>,by_cause:map<string,double>>",
                translation.table("roxxane", nested).getDataColumns().get(0).getType().toString());

        GlueTable typo = new GlueTable("t", "EXTERNAL_TABLE", List.of(new GlueColumn("ts", "long", null)), List.of(),
                "s3://bucket-1/t/", glue.inputFormat(), glue.outputFormat(), glue.serializationLibrary(), Map.of(), Map.of());
        assertThrows(RuntimeException.class, () -> translation.table("roxxane", typo));
        assertThrows(IllegalArgumentException.class, () -> translation.local("s3://other-bucket/metrics/"));
    }
}
