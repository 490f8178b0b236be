package io.roxxane.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roxxane.it.emulator.AwsEmulator;
import io.roxxane.it.emulator.AwsEmulatorExtension;
import io.roxxane.it.provisioner.ProvisionerRun;
import io.roxxane.provisioner.engine.Planner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
        Random random = new Random();
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append((char) ('a' + random.nextInt(26)));
        }
        stack = "it-cat-" + suffix;
        bucket = stack + "-data-" + aws.accountId() + "-" + aws.region();
        Map<String, String> settings = new HashMap<>();
        settings.put("STACK_NAME", stack);
        // The emulator stores Lambda code, it does not run it: any zip will do.
        settings.put("TRANSFORM_JAR", standInJar(directory.resolve("transform.jar")).toString());
        settings.put("REGISTRAR_JAR", standInJar(directory.resolve("partition-registrar.jar")).toString());
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
        if (glue != null) {
            glue.close();
        }
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

    private static Path standInJar(Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("stand-in.txt"));
            zip.write("stand-in code for the emulator\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
