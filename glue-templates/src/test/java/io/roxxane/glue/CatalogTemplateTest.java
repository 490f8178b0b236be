package io.roxxane.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import io.roxxane.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalog template's table is the schema's table: same columns, types, order and partitions. */
class CatalogTemplateTest {
    private static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    private static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    private static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";

    private final JsonNode template = Templates.read(Templates.CATALOG);
    private final JsonNode table = Templates.onlyResource(template, "AWS::Glue::Table").path("Properties").path("TableInput");

    @Test
    void tableColumns_whenComparedWithSchema_areEqualInNameTypeAndOrder() {
        List<String> expected = new ArrayList<>();
        for (Column column : Column.tableColumns()) {
            expected.add(column.columnName() + " " + column.type().glueType());
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode column : table.path("StorageDescriptor").path("Columns")) {
            actual.add(column.path("Name").asText() + " " + column.path("Type").asText());
        }

        assertEquals(expected, actual, "the table's columns differ from io.roxxane.schema.Column.tableColumns();"
                + " the Columns block of templates/" + Templates.CATALOG + " should read:\n" + expectedColumnsYaml());
    }

    @Test
    void tableColumns_haveTheSchemaDescriptionAsComment() {
        List<String> expected = Column.tableColumns().stream().map(CatalogTemplateTest::comment).toList();
        List<String> actual = new ArrayList<>();
        table.path("StorageDescriptor").path("Columns").forEach(c -> actual.add(c.path("Comment").asText()));

        assertEquals(expected, actual, "column comments should read:\n" + expectedColumnsYaml());
    }

    /**
     * Glue refuses a column comment over 255 characters (CreateTable, UpdateTable and CloudFormation's
     * AWS::Glue::Table alike; cfn-lint does not check it), so the stack and the provisioner's apply
     * would fail on AWS. The comment is the schema's description: shorten that.
     */
    @Test
    void tableColumns_commentsFitGluesLimitOf255Characters() {
        List<String> tooLong = new ArrayList<>();
        table.path("StorageDescriptor").path("Columns").forEach(c -> {
            if (c.path("Comment").asText().length() > 255) {
                tooLong.add(c.path("Name").asText() + " (" + c.path("Comment").asText().length() + " characters)");
            }
        });

        assertEquals(List.of(), tooLong, "Glue column comments are at most 255 characters; shorten the description"
                + " of these columns in io.roxxane.schema.Column, then the comments here");
    }

    @Test
    void partitionKeys_equalPartitionRuleKeys_allStrings() {
        List<String> names = new ArrayList<>();
        for (JsonNode key : table.path("PartitionKeys")) {
            names.add(key.path("Name").asText());
            assertEquals("string", key.path("Type").asText(), key.toString());
        }

        assertEquals(PartitionRule.KEYS, names);
        for (JsonNode column : table.path("StorageDescriptor").path("Columns")) {
            assertFalse(PartitionRule.KEYS.contains(column.path("Name").asText()),
                    "a partition key must not double as a data column: " + column);
        }
    }

    @Test
    void storage_isParquetReadByTheHiveParquetSerDe() {
        JsonNode storage = table.path("StorageDescriptor");

        assertEquals(PARQUET_SERDE, storage.path("SerdeInfo").path("SerializationLibrary").asText());
        assertEquals(PARQUET_INPUT, storage.path("InputFormat").asText());
        assertEquals(PARQUET_OUTPUT, storage.path("OutputFormat").asText());
        assertEquals("EXTERNAL_TABLE", table.path("TableType").asText());
        assertEquals("parquet", table.path("Parameters").path("classification").asText());
        assertEquals("s3://${DataBucketName}/${DataPrefix}", storage.path("Location").path("Fn::Sub").asText());
    }

    @Test
    void tableParameters_nameTheSchemaVersion() {
        assertEquals(String.valueOf(Schema.VERSION), table.path("Parameters").path("roxxane:schema_version").asText());
        assertTrue(table.path("Description").asText().endsWith("(schema version " + Schema.VERSION + ")"));
    }

    @Test
    void crawler_addsPartitionsOnly_neverChangesTheTable() throws Exception {
        JsonNode crawler = Templates.onlyResource(template, "AWS::Glue::Crawler").path("Properties");

        assertEquals("LOG", crawler.path("SchemaChangePolicy").path("UpdateBehavior").asText());
        assertEquals("LOG", crawler.path("SchemaChangePolicy").path("DeleteBehavior").asText());
        JsonNode configuration = new ObjectMapper().readTree(crawler.path("Configuration").asText());
        assertEquals("InheritFromTable",
                configuration.path("CrawlerOutput").path("Partitions").path("AddOrUpdateBehavior").asText());
        assertTrue(configuration.path("CrawlerOutput").path("Tables").isMissingNode(),
                "the crawler must not be allowed to change the table: " + configuration);
        JsonNode target = crawler.path("Targets").path("CatalogTargets").get(0);
        assertEquals("Database", target.path("DatabaseName").path("Ref").asText());
        assertEquals("Table", target.path("Tables").get(0).path("Ref").asText());
    }

    @Test
    void crawlerRole_mayAddAndUpdatePartitions_butNeverChangeTheTableOrDeleteFromIt() {
        List<String> actions = crawlerRoleActions();

        // InheritFromTable updates existing partitions too; CRAWL_EVERYTHING revisits them all.
        for (String needed : List.of("glue:GetTable", "glue:GetPartitions", "glue:BatchGetPartition",
                "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition", "glue:BatchUpdatePartition")) {
            assertTrue(actions.contains(needed), "crawler role lacks " + needed + ": " + actions);
        }
        for (String forbidden : List.of("glue:UpdateTable", "glue:DeleteTable", "glue:CreateTable",
                "glue:DeletePartition", "glue:BatchDeletePartition")) {
            assertFalse(actions.contains(forbidden), "crawler role must not have " + forbidden);
        }
        JsonNode crawler = Templates.onlyResource(template, "AWS::Glue::Crawler").path("Properties");
        assertEquals("CRAWL_EVERYTHING", crawler.path("RecrawlPolicy").path("RecrawlBehavior").asText());
    }

    @Test
    void crawlerSchedule_defaultsToHourly_andAcceptsNone() {
        JsonNode parameter = template.path("Parameters").path("CrawlerSchedule");
        Pattern allowed = Pattern.compile(parameter.path("AllowedPattern").asText());

        assertEquals("cron(7 * * * ? *)", parameter.path("Default").asText());
        assertTrue(allowed.matcher("NONE").matches());
        assertTrue(allowed.matcher(parameter.path("Default").asText()).matches());
        assertFalse(allowed.matcher("hourly").matches());
        JsonNode schedule = Templates.onlyResource(template, "AWS::Glue::Crawler").path("Properties").path("Schedule");
        assertEquals("HasSchedule", schedule.path("Fn::If").get(0).asText());
    }

    @Test
    void crawlerRole_grantsNoWildcardAction() {
        List<String> actions = crawlerRoleActions();

        assertFalse(actions.isEmpty());
        for (String action : actions) {
            assertFalse(action.contains("*"), "wildcard action " + action);
        }
        JsonNode role = Templates.onlyResource(template, "AWS::IAM::Role").path("Properties");
        assertTrue(role.path("ManagedPolicyArns").isMissingNode(), "no managed policy: least privilege is inline");
    }

    @Test
    void templates_useOnlyLongFormIntrinsics() throws Exception {
        for (var path : Templates.all()) {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            assertFalse(Pattern.compile("(?m)(^|[\\s:\\[-])![A-Z][A-Za-z]+").matcher(text).find(),
                    path + " uses a short-form tag such as !Ref; use Ref:/Fn::... so YAML parsers read it whole");
        }
    }

    private static String comment(Column column) {
        return column.description();
    }

    private static String expectedColumnsYaml() {
        StringBuilder yaml = new StringBuilder();
        for (Column column : Column.tableColumns()) {
            yaml.append("            - Name: ").append(column.columnName()).append('\n')
                    .append("              Type: ").append(column.type().glueType()).append('\n')
                    .append("              Comment: '").append(comment(column).replace("'", "''")).append("'\n");
        }
        return yaml.toString();
    }

    /** Every action the crawler role's policies name, whether written as one string or a list. */
    private List<String> crawlerRoleActions() {
        JsonNode role = Templates.onlyResource(template, "AWS::IAM::Role").path("Properties");
        List<String> actions = new ArrayList<>();
        role.findValues("Action").forEach(a -> {
            if (a.isArray()) {
                a.forEach(x -> actions.add(x.asText()));
            } else {
                actions.add(a.asText());
            }
        });
        return actions;
    }
}
