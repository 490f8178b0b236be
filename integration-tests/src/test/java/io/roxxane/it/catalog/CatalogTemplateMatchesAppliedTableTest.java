package io.roxxane.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roxxane.it.TestResources;
import io.roxxane.it.provisioner.ProvisionerRun;
import io.roxxane.it.provisioner.StandInJars;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.testsupport.AwsEmulator;
import io.roxxane.testsupport.AwsEmulatorExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * The catalog template's table against the table the provisioner really creates: the provisioner
 * applied in-process against the emulator, the table read back with GetTable and compared with
 * the template given the same bucket, prefix, database and table names. Catches what the desired
 * spec alone would not (what {@code GlueTableResource} actually sends to Glue).
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogTemplateMatchesAppliedTableTest {
    private ProvisionerRun provisioner;
    private GlueClient glue;
    private String stack;
    private String bucket;

    @BeforeAll
    void apply(AwsEmulator aws, @TempDir Path directory) throws IOException {
        stack = TestResources.uniqueName("it-cat-");
        bucket = stack + "-data-" + aws.accountId() + "-" + aws.region();
        Map<String, String> settings = new HashMap<>();
        settings.put("STACK_NAME", stack);
        // The emulator stores Lambda code, it does not run it: any zip will do.
        settings.put("TRANSFORM_JAR", StandInJars.create(directory, "transform.jar").toString());
        settings.put("REGISTRAR_JAR", StandInJars.create(directory, "partition-registrar.jar").toString());
        settings.put("STATE_FILE", directory.resolve("state.json").toString());
        settings.put("IAM_PROPAGATION_TIMEOUT", "30");
        provisioner = new ProvisionerRun(aws, settings, directory);
        glue = aws.configure(GlueClient.builder()).build();

        ProvisionerRun.Result result = provisioner.inProcess("apply");
        assertEquals(0, result.exitCode(), result.output());
    }

    @AfterAll
    void destroy() {
        if (provisioner != null) {
            provisioner.inProcess("destroy", "--delete-data");
        }
        TestResources.closeAll(glue);
    }

    @Test
    void templateTable_equalsTheTableTheProvisionerCreated() {
        String database = stack.replace('-', '_');
        Table applied = glue.getTable(r -> r.databaseName(database).name("metrics")).table();
        CatalogTemplate template = CatalogTemplate.read();
        Map<String, String> parameters = Map.of("DataBucketName", bucket, "DataPrefix", "metrics/",
                "DatabaseName", database, "TableName", "metrics");

        TableShape fromTemplate = template.table(parameters);
        TableShape created = TableShape.of(applied);

        assertEquals(stack, created.parameters().get(Planner.STACK_TAG), created.parameters().toString());
        TableShape.assertSame(created.withoutParameters(Planner.STACK_TAG), fromTemplate,
                "the table the provisioner created (GetTable " + database + ".metrics)");
        assertEquals(applied.databaseName(), template.databaseName(parameters));
        assertEquals(applied.name(), template.tableName(parameters));
    }
}
