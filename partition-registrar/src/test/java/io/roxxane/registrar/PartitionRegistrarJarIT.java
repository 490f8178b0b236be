package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.roxxane.schema.PartitionRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;

/**
 * The built {@code partition-registrar.jar}, alone on the class path of a child JVM, configured
 * only by environment variables as Lambda does it, against Glue in {@code moto_server}.
 */
class PartitionRegistrarJarIT {
    private static final Path JAR = Path.of("target", "partition-registrar.jar");
    private static final String DATABASE = "roxxane_jar";
    private static final String TABLE = "metrics";

    private static String skipReason;
    private static MotoServer moto;
    private static GlueClient glue;

    @BeforeAll
    static void startMoto() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is missing: run mvn package first");
        skipReason = MotoServer.unavailableReason();
        if (skipReason != null) {
            return;
        }
        moto = MotoServer.start();
        glue = GlueClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
        glue.createTable(r -> r.databaseName(DATABASE).tableInput(t -> t
                .name(TABLE)
                .partitionKeys(PartitionRule.KEYS.stream().map(k -> Column.builder().name(k).type("string").build())
                        .collect(Collectors.toList()))
                .storageDescriptor(s -> s.location("s3://roxxane-test-bucket/metrics/")
                        .columns(Column.builder().name("ts").type("bigint").build()))));
    }

    @AfterAll
    static void stopMoto() {
        if (glue != null) {
            glue.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void jar_whenOpened_holdsHandlerAndOneHttpClientButNoDatabindNettyOrApache() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertNotNull(jar.getEntry("io/roxxane/registrar/PartitionRegistrarHandler.class"));
            assertNotNull(jar.getEntry("io/roxxane/schema/PartitionRule.class"));
            assertNotNull(jar.getEntry("com/amazonaws/services/lambda/runtime/RequestStreamHandler.class"));
            assertNotNull(jar.getEntry("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class"));
            assertNotNull(jar.getEntry("com/fasterxml/jackson/core/JsonParser.class"));
            List<String> forbidden = jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("com/fasterxml/jackson/databind/") || n.startsWith("io/netty/")
                            || n.startsWith("org/apache/http/") || n.startsWith("org/apache/hc/")
                            || n.startsWith("software/amazon/awssdk/http/nio/netty/")
                            || n.startsWith("software/amazon/awssdk/http/apache"))
                    .limit(5)
                    .collect(Collectors.toList());
            assertEquals(List.of(), forbidden);
        }
        System.out.println("partition-registrar.jar size: " + Files.size(JAR) + " bytes");
    }

    @Test
    void handler_whenRunFromJarAlone_registersPartitionsThroughEnvironmentConfiguration() throws Exception {
        assumeTrue(skipReason == null, skipReason);
        Path events = Path.of("target", "test-classes", "events");
        Path launcher = Path.of("target", "test-classes", "jar-smoke", "InvokeHandler.java");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", JAR.toString(), launcher.toString(),
                events.resolve("mixed-records.json").toString(), events.resolve("mixed-records.json").toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
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
