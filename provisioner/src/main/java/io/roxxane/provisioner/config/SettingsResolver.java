package io.roxxane.provisioner.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves every {@link Setting} with one precedence: command-line flag, then environment
 * variable ({@code ROXXANE_<KEY>} before {@code <KEY>}), then the configuration file, then the
 * default derived from the stack name. Every value is checked before anything talks to AWS;
 * all problems are reported together.
 */
public final class SettingsResolver {
    private final Map<Setting, String> flags;
    private final Map<String, String> environment;
    private final Map<String, String> file;
    private final JarLocator jars;
    private final String fileName;

    public SettingsResolver(Map<Setting, String> flags, Map<String, String> environment, Map<String, String> file,
                            JarLocator jars) {
        this(flags, environment, file, "configuration file", jars);
    }

    /** @param fileName how to name the file the {@code file} values came from, e.g. {@code ./.env} */
    public SettingsResolver(Map<Setting, String> flags, Map<String, String> environment, Map<String, String> file,
                            String fileName, JarLocator jars) {
        this.flags = flags;
        this.environment = environment;
        this.file = file;
        this.fileName = fileName;
        this.jars = jars;
    }

    /**
     * @param needsJars whether the Lambda jars must exist (plan, apply, status); destroy does not read them
     */
    public Settings resolve(boolean needsJars) {
        Map<Setting, String> raw = new EnumMap<>(Setting.class);
        Map<Setting, GivenValue> given = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            explicit(setting).ifPresent(value -> {
                raw.put(setting, value.value());
                given.put(setting, value);
            });
        }
        List<String> problems = new ArrayList<>();
        SettingsValidator check = new SettingsValidator(problems);

        String stack = raw.getOrDefault(Setting.STACK_NAME, "roxxane");
        check.stackName(stack);
        String streamName = raw.getOrDefault(Setting.DELIVERY_STREAM_NAME, stack + "-metrics");
        String transformName = raw.getOrDefault(Setting.LAMBDA_FUNCTION_NAME, stack + "-transform");
        String registrarName = raw.getOrDefault(Setting.REGISTRAR_FUNCTION_NAME, stack + "-partition-registrar");

        Optional<String> region = Optional.ofNullable(raw.get(Setting.REGION_NAME));
        region.ifPresent(check::region);
        Optional<URI> endpoint = Optional.ofNullable(raw.get(Setting.ENDPOINT_URL)).map(value -> endpoint(value, problems));
        Optional<String> bucket = Optional.ofNullable(raw.get(Setting.BUCKET_NAME));
        bucket.ifPresent(check::bucketName);
        String prefix = stripSlashes(raw.getOrDefault(Setting.PREFIX, "metrics"));
        String errorPrefix = stripSlashes(raw.getOrDefault(Setting.ERROR_PREFIX, "errors"));
        check.prefixes(prefix, errorPrefix);

        int expiry = check.integer(Setting.DATA_EXPIRY_DAYS, raw.getOrDefault(Setting.DATA_EXPIRY_DAYS, "0"), 0, 36_500,
                "0 (keep forever) or 1..36500 days");
        int bufferSize = check.integer(Setting.BUFFERING_SIZE, raw.getOrDefault(Setting.BUFFERING_SIZE, "128"), 64, 128,
                "64..128 MiB: Firehose needs at least 64 MiB with dynamic partitioning and format conversion, at most 128");
        int bufferTime = check.integer(Setting.BUFFERING_TIME, raw.getOrDefault(Setting.BUFFERING_TIME, "300"), 60, 900,
                "60..900 seconds: Firehose allows 0..900, but zero buffering (under 60 s) is not available with dynamic partitioning");
        int memory = check.integer(Setting.LAMBDA_MEMORY_MB, raw.getOrDefault(Setting.LAMBDA_MEMORY_MB, "512"), 128, 10_240,
                "128..10240 MB (Lambda's limits)");
        int timeout = check.integer(Setting.LAMBDA_TIMEOUT, raw.getOrDefault(Setting.LAMBDA_TIMEOUT, "60"), 1, 300,
                "1..300 seconds: Lambda allows 900, but Firehose invokes a transform Lambda for at most 5 minutes");
        int retention = check.logRetention(raw.getOrDefault(Setting.LOG_RETENTION_DAYS, "14"));
        int propagation = check.integer(Setting.IAM_PROPAGATION_TIMEOUT, raw.getOrDefault(Setting.IAM_PROPAGATION_TIMEOUT, "120"),
                10, 900, "10..900 seconds");

        check.streamName(streamName);
        String firehoseRole = raw.getOrDefault(Setting.ROLE_NAME, stack + "-firehose");
        check.roleName(Setting.ROLE_NAME, firehoseRole);
        check.functionName(Setting.LAMBDA_FUNCTION_NAME, transformName);
        String transformRole = raw.getOrDefault(Setting.LAMBDA_ROLE_NAME, transformName + "-role");
        check.roleName(Setting.LAMBDA_ROLE_NAME, transformRole);
        check.functionName(Setting.REGISTRAR_FUNCTION_NAME, registrarName);
        String registrarRole = raw.getOrDefault(Setting.REGISTRAR_ROLE_NAME, registrarName + "-role");
        check.roleName(Setting.REGISTRAR_ROLE_NAME, registrarRole);
        check.distinct(Setting.LAMBDA_FUNCTION_NAME, transformName, Setting.REGISTRAR_FUNCTION_NAME, registrarName);
        check.distinct(Setting.ROLE_NAME, firehoseRole, Setting.LAMBDA_ROLE_NAME, transformRole);
        check.distinct(Setting.ROLE_NAME, firehoseRole, Setting.REGISTRAR_ROLE_NAME, registrarRole);
        check.distinct(Setting.LAMBDA_ROLE_NAME, transformRole, Setting.REGISTRAR_ROLE_NAME, registrarRole);
        String database = raw.getOrDefault(Setting.GLUE_DATABASE_NAME, stack.replace('-', '_'));
        check.glueName(Setting.GLUE_DATABASE_NAME, database);
        String table = raw.getOrDefault(Setting.GLUE_TABLE_NAME, "metrics");
        check.glueName(Setting.GLUE_TABLE_NAME, table);
        String logGroup = raw.getOrDefault(Setting.LOG_GROUP_NAME, "/aws/kinesisfirehose/" + streamName);
        check.logGroupName(logGroup);

        Path transformJar = raw.containsKey(Setting.TRANSFORM_JAR) ? Path.of(raw.get(Setting.TRANSFORM_JAR))
                : jars.locate("transform.jar", "transform");
        Path registrarJar = raw.containsKey(Setting.REGISTRAR_JAR) ? Path.of(raw.get(Setting.REGISTRAR_JAR))
                : jars.locate("partition-registrar.jar", "partition-registrar");
        if (needsJars) {
            check.deploymentJar(Setting.TRANSFORM_JAR, transformJar);
            check.deploymentJar(Setting.REGISTRAR_JAR, registrarJar);
        }
        Path stateFile = Path.of(raw.getOrDefault(Setting.STATE_FILE, "roxxane-" + stack + ".state.json"));

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Settings(stack, region, endpoint, Optional.ofNullable(raw.get(Setting.PROFILE)), bucket, prefix, errorPrefix,
                expiry, streamName, bufferSize, bufferTime, firehoseRole, transformName, transformRole, memory, timeout,
                registrarName, registrarRole, database, table, logGroup, retention, transformJar, registrarJar, stateFile,
                Duration.ofSeconds(propagation), given);
    }

    /** The value given by flag, environment or file, in that order, and where; blank counts as not given. */
    private Optional<GivenValue> explicit(Setting setting) {
        String key = setting.key();
        String[][] candidates = {
                {flags.get(setting), "flag " + setting.flag()},
                {environment.get("ROXXANE_" + key), "environment variable ROXXANE_" + key},
                {environment.get(key), "environment variable " + key},
                {setting == Setting.ENDPOINT_URL ? environment.get("AWS_ENDPOINT_URL") : null, GivenValue.SDK_ENDPOINT_VARIABLE},
                {file.get(key), "file " + fileName}};
        for (String[] candidate : candidates) {
            if (candidate[0] != null && !candidate[0].isBlank()) {
                return Optional.of(new GivenValue(candidate[0].strip(), candidate[1]));
            }
        }
        return Optional.empty();
    }

    private static URI endpoint(String value, List<String> problems) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(Setting.ENDPOINT_URL.key() + "='" + value + "' is not allowed: expected an http:// or https:// URL with a host,"
                + " e.g. http://127.0.0.1:5000");
        return null;
    }

    private static String stripSlashes(String value) {
        String result = value;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
