package io.roxxane.provisioner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsResolverTest {
    @TempDir
    Path directory;

    private final Map<Setting, String> flags = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> file = new HashMap<>();

    @BeforeEach
    void jars() throws IOException {
        Path jar = directory.resolve("lambda.jar");
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 0, 0});
        environment.put("TRANSFORM_JAR", jar.toString());
        environment.put("REGISTRAR_JAR", jar.toString());
    }

    private Settings resolve() {
        return new SettingsResolver(flags, environment, file, new JarLocator(directory, directory)).resolve(true);
    }

    private String problemsOf(Setting setting, String value) {
        flags.put(setting, value);
        ConfigException error = assertThrows(ConfigException.class, this::resolve);
        return error.getMessage();
    }

    @Test
    void resolve_whenOnlyStackName_derivesEveryName() {
        flags.put(Setting.STACK_NAME, "shop-prod");

        Settings settings = resolve();

        assertEquals("shop-prod-metrics", settings.deliveryStreamName());
        assertEquals("shop-prod-firehose", settings.firehoseRoleName());
        assertEquals("shop-prod-transform", settings.transformFunctionName());
        assertEquals("shop-prod-transform-role", settings.transformRoleName());
        assertEquals("shop-prod-partition-registrar", settings.registrarFunctionName());
        assertEquals("shop_prod", settings.glueDatabaseName());
        assertEquals("metrics", settings.glueTableName());
        assertEquals("/aws/kinesisfirehose/shop-prod-metrics", settings.logGroupName());
        assertEquals("shop-prod-data-123456789012-eu-west-1", settings.bucketNameFor("123456789012", "eu-west-1"));
        assertEquals(Path.of("roxxane-shop-prod.state.json"), settings.stateFile());
        assertEquals(128, settings.bufferingSizeMiB());
        assertEquals(300, settings.bufferingTimeSeconds());
        assertEquals(Optional.empty(), settings.region());
    }

    @Test
    void resolve_whenSetInSeveralPlaces_flagBeatsEnvironmentBeatsFile() {
        file.put("BUFFERING_SIZE", "64");
        file.put("BUFFERING_TIME", "120");
        file.put("PREFIX", "from-file");
        environment.put("BUFFERING_TIME", "180");
        environment.put("PREFIX", "from-env");
        environment.put("ROXXANE_PREFIX", "from-roxxane-env");
        flags.put(Setting.PREFIX, "from-flag");

        Settings settings = resolve();

        assertEquals(64, settings.bufferingSizeMiB());
        assertEquals(180, settings.bufferingTimeSeconds());
        assertEquals("from-flag", settings.prefix());
        flags.clear();
        assertEquals("from-roxxane-env", resolve().prefix());
    }

    @Test
    void resolve_whenEndpointOnlyInSdkVariable_usesIt() {
        environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:5000");

        assertEquals(Optional.of(URI.create("http://127.0.0.1:5000")), resolve().endpointUrl());
    }

    @Test
    void resolve_whenPrefixHasSlashes_stripsThem() {
        flags.put(Setting.PREFIX, "/data/metrics/");

        assertEquals("data/metrics", resolve().prefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"63", "129", "0", "big"})
    void resolve_whenBufferSizeOutOfRange_namesSettingAndDynamicPartitioningMinimum(String value) {
        String message = problemsOf(Setting.BUFFERING_SIZE, value);

        assertTrue(message.contains("BUFFERING_SIZE='" + value + "'"), message);
        assertTrue(message.contains("64..128 MiB"), message);
        assertTrue(message.contains("dynamic partitioning"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "59", "901"})
    void resolve_whenBufferTimeOutOfRange_namesAllowedRange(String value) {
        String message = problemsOf(Setting.BUFFERING_TIME, value);

        assertTrue(message.contains("BUFFERING_TIME='" + value + "'") && message.contains("60..900"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127", "10241"})
    void resolve_whenLambdaMemoryOutOfRange_namesLambdaLimits(String value) {
        String message = problemsOf(Setting.LAMBDA_MEMORY_MB, value);

        assertTrue(message.contains("LAMBDA_MEMORY_MB") && message.contains("128..10240"), message);
    }

    @Test
    void resolve_whenLambdaTimeoutAboveFiveMinutes_explainsFirehoseLimit() {
        String message = problemsOf(Setting.LAMBDA_TIMEOUT, "600");

        assertTrue(message.contains("LAMBDA_TIMEOUT='600'") && message.contains("1..300") && message.contains("5 minutes"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"My-Bucket", "ab", "192.168.1.1", "a..b", "xn--bucket", "bucket-", "-bucket", "bucket-s3alias",
            "sthree-data", "data--x-s3", "bucket_name",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void resolve_whenBucketNameBreaksS3Rules_rejectsIt(String value) {
        String message = problemsOf(Setting.BUCKET_NAME, value);

        assertTrue(message.startsWith("BUCKET_NAME='" + value + "' is not allowed: expected 3..63 characters"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-bucket", "my.bucket.name", "abc", "roxxane-data-123456789012-eu-west-1"})
    void resolve_whenBucketNameValid_acceptsIt(String value) {
        flags.put(Setting.BUCKET_NAME, value);

        assertEquals(Optional.of(value), resolve().bucketName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/!{timestamp:yyyy}", "a//b", "with space", "a/../b"})
    void resolve_whenPrefixInvalid_rejectsIt(String value) {
        String message = problemsOf(Setting.PREFIX, value);

        assertTrue(message.contains("PREFIX='"), message);
    }

    @Test
    void resolve_whenErrorPrefixInsideDataPrefix_rejectsIt() {
        flags.put(Setting.PREFIX, "metrics");

        String message = problemsOf(Setting.ERROR_PREFIX, "metrics/errors");

        assertTrue(message.contains("ERROR_PREFIX='metrics/errors' is not allowed with PREFIX='metrics'"), message);
    }

    @Test
    void resolve_whenNamesInvalid_reportsEveryProblemAtOnce() {
        flags.put(Setting.STACK_NAME, "Bad_Stack");
        flags.put(Setting.DELIVERY_STREAM_NAME, "has space");
        flags.put(Setting.LAMBDA_FUNCTION_NAME, "fn.with.dots");
        flags.put(Setting.GLUE_DATABASE_NAME, "Has-Dash");
        flags.put(Setting.LOG_RETENTION_DAYS, "10");
        flags.put(Setting.REGION_NAME, "Europe");

        ConfigException error = assertThrows(ConfigException.class, this::resolve);

        List<String> problems = error.problems();
        for (String key : List.of("STACK_NAME", "DELIVERY_STREAM_NAME", "LAMBDA_FUNCTION_NAME", "GLUE_DATABASE_NAME",
                "LOG_RETENTION_DAYS", "REGION_NAME")) {
            assertTrue(problems.stream().anyMatch(problem -> problem.startsWith(key + "=")), key + " missing in " + problems);
        }
    }

    @Test
    void resolve_whenJarMissing_namesSettingAndPath() {
        environment.put("TRANSFORM_JAR", directory.resolve("absent.jar").toString());

        ConfigException error = assertThrows(ConfigException.class, this::resolve);

        assertTrue(error.getMessage().contains("TRANSFORM_JAR='" + directory.resolve("absent.jar") + "'"), error.getMessage());
    }

    @Test
    void resolve_whenJarIsNotAZip_rejectsIt() throws IOException {
        Path text = Files.writeString(directory.resolve("text.jar"), "not a zip");
        environment.put("REGISTRAR_JAR", text.toString());

        ConfigException error = assertThrows(ConfigException.class, this::resolve);

        assertTrue(error.getMessage().contains("REGISTRAR_JAR") && error.getMessage().contains("zip"), error.getMessage());
    }

    @Test
    void resolve_whenDestroyNeedsNoJars_acceptsMissingJars() {
        environment.remove("TRANSFORM_JAR");
        environment.remove("REGISTRAR_JAR");

        Settings settings = new SettingsResolver(flags, environment, file, new JarLocator(directory, directory)).resolve(false);

        assertEquals(directory.resolve("transform.jar"), settings.transformJar());
    }

    @Test
    void locate_whenJarNextToProvisioner_prefersIt() throws IOException {
        Path release = Files.createDirectories(directory.resolve("release"));
        Files.write(release.resolve("transform.jar"), new byte[] {'P', 'K'});

        assertEquals(release.resolve("transform.jar"), new JarLocator(release, directory).locate("transform.jar", "transform"));
    }

    @Test
    void locate_whenRunFromRepository_findsModuleTarget() throws IOException {
        Path provisionerTarget = Files.createDirectories(directory.resolve("provisioner/target"));
        Path built = Files.createDirectories(directory.resolve("transform/target")).resolve("transform.jar");
        Files.write(built, new byte[] {'P', 'K'});

        assertEquals(built, new JarLocator(provisionerTarget, Path.of("/nonexistent")).locate("transform.jar", "transform"));
    }

    @Test
    void resolve_whenValuesGivenInSeveralPlaces_recordsEachOnesSourceAndNothingForDefaults() {
        flags.put(Setting.STACK_NAME, "shop");
        environment.put("PREFIX", "/usr/local");
        environment.put("ROXXANE_BUFFERING_TIME", "120");
        environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:5000");
        file.put("LOG_RETENTION_DAYS", "30");

        Settings settings = new SettingsResolver(flags, environment, file, "./.env", new JarLocator(directory, directory)).resolve(true);

        assertEquals("flag --stack-name", settings.given().get(Setting.STACK_NAME).source());
        assertEquals("/usr/local", settings.given().get(Setting.PREFIX).value());
        assertEquals("environment variable PREFIX", settings.given().get(Setting.PREFIX).source());
        assertEquals("environment variable ROXXANE_BUFFERING_TIME", settings.given().get(Setting.BUFFERING_TIME).source());
        assertEquals("environment variable AWS_ENDPOINT_URL", settings.given().get(Setting.ENDPOINT_URL).source());
        assertEquals("file ./.env", settings.given().get(Setting.LOG_RETENTION_DAYS).source());
        assertEquals(null, settings.given().get(Setting.BUFFERING_SIZE));
    }
}
