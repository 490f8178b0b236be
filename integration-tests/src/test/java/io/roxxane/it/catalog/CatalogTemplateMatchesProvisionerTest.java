package io.roxxane.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.provisioner.aws.StackIdentity;
import io.roxxane.provisioner.config.JarLocator;
import io.roxxane.provisioner.config.Settings;
import io.roxxane.provisioner.config.SettingsResolver;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.resources.GlueTableResource;
import io.roxxane.provisioner.resources.StackContext;
import io.roxxane.provisioner.resources.spec.GlueTableSpec;
import io.roxxane.provisioner.stack.StackLayout;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalog template's table ({@code glue-templates/templates/roxxane-catalog.yaml}) against
 * the table the provisioner wants ({@link GlueTableResource#desired()}, built from its default
 * settings; no AWS call): columns with types and comments, partition keys, table type, SerDe and
 * its parameters, input and output formats, location and table parameters must be equal, so that
 * a table deployed either way is the same table. The one intended difference: the provisioner's
 * ownership mark {@code roxxane:stack}, which the template must not carry (a provisioner run
 * would otherwise take over, update or delete a table CloudFormation owns).
 *
 * <p>{@link CatalogTemplateMatchesAppliedTableTest} compares with the table the provisioner
 * actually creates in the emulator.
 */
class CatalogTemplateMatchesProvisionerTest {
    private static final StackIdentity IDENTITY = new StackIdentity("123456789012", "aws", "eu-west-1");

    private final CatalogTemplate template = CatalogTemplate.read();
    private final Settings settings = new SettingsResolver(Map.of(), Map.of(), Map.of(),
            new JarLocator(Path.of("."), Path.of("."))).resolve(false);
    private final StackLayout layout = StackLayout.of(settings, IDENTITY);
    private final GlueTableSpec desired = new GlueTableResource(new StackContext(layout, null, null)).desired();

    @Test
    void templateTable_whenGivenTheProvisionersBucketAndPrefix_equalsTheProvisionersDesiredTable() {
        TableShape fromTemplate = template.table(Map.of("DataBucketName", layout.bucketName(), "DataPrefix", settings.prefix() + "/"));

        TableShape.assertSame(TableShape.of(desired).withoutParameters(Planner.STACK_TAG), fromTemplate,
                "the provisioner's desired table (GlueTableResource)");
        assertEquals(layout.dataLocation(), fromTemplate.location());
    }

    @Test
    void templateTable_leavesOutOnlyTheProvisionersOwnershipMark() {
        TableShape fromTemplate = template.table(Map.of("DataBucketName", layout.bucketName()));

        assertEquals(settings.stackName(), desired.parameters().get(Planner.STACK_TAG),
                "the provisioner marks its table with " + Planner.STACK_TAG);
        assertFalse(fromTemplate.parameters().containsKey(Planner.STACK_TAG),
                "the template must not claim the table for a provisioner stack");
        assertTrue(desired.parameters().keySet().containsAll(fromTemplate.parameters().keySet()),
                "template parameters the provisioner does not set: " + fromTemplate.parameters().keySet());
    }

    @Test
    void templateDefaults_nameTheProvisionersDatabaseTableAndPrefix() {
        assertEquals(settings.glueDatabaseName(), template.parameterDefault("DatabaseName"), "DatabaseName default");
        assertEquals(settings.glueTableName(), template.parameterDefault("TableName"), "TableName default");
        assertEquals(settings.prefix() + "/", template.parameterDefault("DataPrefix"), "DataPrefix default");
        assertEquals(settings.glueDatabaseName(), template.databaseName(Map.of()));
        assertEquals(settings.glueTableName(), template.tableName(Map.of()));
    }

    @Test
    void comparison_whenTheTemplateDiffers_failsNamingTheDifference() {
        TableShape provisioner = TableShape.of(desired).withoutParameters(Planner.STACK_TAG);
        TableShape drifted = new TableShape(provisioner.tableType(), provisioner.location(), provisioner.columns(),
                provisioner.partitionKeys(), provisioner.inputFormat(), provisioner.outputFormat(),
                provisioner.serializationLibrary(), provisioner.serdeParameters(),
                Map.of("EXTERNAL", "TRUE", "classification", "parquet", "parquet.compression", "SNAPPY",
                        "roxxane.schema_version", "1"));

        AssertionError error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> TableShape.assertSame(provisioner, drifted, "the provisioner"));
        assertTrue(error.getMessage().contains("table Parameters"), error.getMessage());
    }
}
