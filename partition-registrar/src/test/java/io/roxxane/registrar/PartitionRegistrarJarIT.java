package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.PartitionRule;
import io.roxxane.testsupport.AwsEmulator;
import io.roxxane.testsupport.AwsEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;

/**
 * The built {@code partition-registrar.jar}, alone on the class path of a child JVM, configured
 * only by environment variables as Lambda does it, against Glue in a {@code moto_server} of this
 * class's own.
 */
class PartitionRegistrarJarIT {
    @RegisterExtension
    static final AwsEmulatorExtension MOTO = AwsEmulatorExtension.ownMoto();

    private static final Path JAR = PartitionRegistrarJarContentsIT.JAR;
    private static final String DATABASE = "roxxane_jar";
    private static final String TABLE = "metrics";

    private static AwsEmulator moto;
    private static GlueClient glue;

    @BeforeAll
    static void createTable(AwsEmulator emulator) {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is missing: run mvn package first");
        moto = emulator;
        glue = MetricsTables.glue(moto);
        glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
        MetricsTables.create(glue, DATABASE, TABLE, "s3://roxxane-test-bucket/metrics/", PartitionRule.KEYS);
    }

    @AfterAll
    static void closeGlue() {
        if (glue != null) {
            glue.close();
        }
    }

    @Test
    void handler_whenRunFromJarAlone_registersPartitionsThroughEnvironmentConfiguration() throws Exception {
        Path events = Path.of("target", "test-classes", "events");
        Path launcher = Path.of("target", "test-classes", "jar-smoke", "InvokeHandler.java");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", JAR.toString(), launcher.toString(),
                events.resolve("mixed-records.json").toString(), events.resolve("mixed-records.json").toString());
        Map<String, String> env = pb.environment();
        moto.applyTo(env);
        env.put("AWS_CONFIG_FILE", "/nonexistent/config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");
        env.put("GLUE_DATABASE", DATABASE);
        env.put("GLUE_TABLE", TABLE);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish: " + output);
        System.out.println(output);

        assertEquals(0, process.exitValue(), output);
        List<String> results = output.lines().filter(l -> l.startsWith("RESULT ")).collect(Collectors.toList());
        assertEquals(List.of(
                "RESULT {\"records\":6,\"ignored\":3,\"partitions\":2,\"cached\":0,\"created\":2,\"alreadyExisted\":0}",
                "RESULT {\"records\":6,\"ignored\":3,\"partitions\":2,\"cached\":2,\"created\":0,\"alreadyExisted\":0}"),
                results, output);
        assertFalse(output.contains("No SLF4J providers"), output);
        List<Partition> partitions = glue.getPartitions(r -> r.databaseName(DATABASE).tableName(TABLE)).partitions();
        assertEquals(List.of("s3://roxxane-test-bucket/metrics/service=billing.worker_2/year=2026/month=11/day=23/hour=18/",
                "s3://roxxane-test-bucket/metrics/service=checkout-api/year=2026/month=11/day=23/hour=17/"),
                partitions.stream().map(p -> p.storageDescriptor().location()).sorted().collect(Collectors.toList()));
    }
}
