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
        Values values = new Values(raw, check);

        String stack = values.checked(Setting.STACK_NAME);
        Optional<String> region = Optional.ofNullable(raw.get(Setting.REGION_NAME));
        region.ifPresent(check::region);
        Optional<URI> endpoint = Optional.ofNullable(raw.get(Setting.ENDPOINT_URL)).map(value -> endpoint(value, problems));
        Optional<String> bucket = Optional.ofNullable(raw.get(Setting.BUCKET_NAME));
        bucket.ifPresent(check::bucketName);
        String prefix = stripSlashes(values.of(Setting.PREFIX));
        String errorPrefix = stripSlashes(values.of(Setting.ERROR_PREFIX));
        check.prefixes(prefix, errorPrefix);

        int expiry = values.integer(Setting.DATA_EXPIRY_DAYS);
        int bufferSize = values.integer(Setting.BUFFERING_SIZE);
        int bufferTime = values.integer(Setting.BUFFERING_TIME);
        int memory = values.integer(Setting.LAMBDA_MEMORY_MB);
        int timeout = values.integer(Setting.LAMBDA_TIMEOUT);
        int retention = values.integer(Setting.LOG_RETENTION_DAYS);
        int propagation = values.integer(Setting.IAM_PROPAGATION_TIMEOUT);

        String streamName = values.checked(Setting.DELIVERY_STREAM_NAME);
        String firehoseRole = values.checked(Setting.ROLE_NAME);
        String transformName = values.checked(Setting.LAMBDA_FUNCTION_NAME);
        String transformRole = values.checked(Setting.LAMBDA_ROLE_NAME);
        String registrarName = values.checked(Setting.REGISTRAR_FUNCTION_NAME);
        String registrarRole = values.checked(Setting.REGISTRAR_ROLE_NAME);
        check.distinct(Setting.LAMBDA_FUNCTION_NAME, transformName, Setting.REGISTRAR_FUNCTION_NAME, registrarName);
        check.distinct(Setting.ROLE_NAME, firehoseRole, Setting.LAMBDA_ROLE_NAME, transformRole);
        check.distinct(Setting.ROLE_NAME, firehoseRole, Setting.REGISTRAR_ROLE_NAME, registrarRole);
        check.distinct(Setting.LAMBDA_ROLE_NAME, transformRole, Setting.REGISTRAR_ROLE_NAME, registrarRole);
        String database = raw.getOrDefault(Setting.GLUE_DATABASE_NAME, stack.replace('-', '_'));
        check.require(Setting.GLUE_DATABASE_NAME, database);
        String table = values.checked(Setting.GLUE_TABLE_NAME);
        String logGroup = values.checked(Setting.LOG_GROUP_NAME);

        Path transformJar = raw.containsKey(Setting.TRANSFORM_JAR) ? Path.of(raw.get(Setting.TRANSFORM_JAR))
                : jars.locate("transform.jar", "transform");
        Path registrarJar = raw.containsKey(Setting.REGISTRAR_JAR) ? Path.of(raw.get(Setting.REGISTRAR_JAR))
                : jars.locate("partition-registrar.jar", "partition-registrar");
        if (needsJars) {
            check.deploymentJar(Setting.TRANSFORM_JAR, transformJar);
            check.deploymentJar(Setting.REGISTRAR_JAR, registrarJar);
        }
        Path stateFile = Path.of(values.of(Setting.STATE_FILE));

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Settings(stack, region, endpoint, Optional.ofNullable(raw.get(Setting.PROFILE)), bucket, prefix, errorPrefix,
                expiry, streamName, bufferSize, bufferTime, firehoseRole, transformName, transformRole, memory, timeout,
                registrarName, registrarRole, database, table, logGroup, retention, transformJar, registrarJar, stateFile,
                Duration.ofSeconds(propagation), given);
    }

    /** Problems with a bucket name the provisioner derived ({@link Settings#bucketNameFor}); empty when it is allowed. */
    public static List<String> bucketNameProblems(String bucketName) {
        List<String> problems = new ArrayList<>();
        new SettingsValidator(problems).bucketName(bucketName);
        return problems;
    }

    /** Each setting's value as given, else its default; checked against what the setting allows. */
    private record Values(Map<Setting, String> explicit, SettingsValidator check) {
        String of(Setting setting) {
            String value = explicit.get(setting);
            return value != null ? value : setting.defaultValue(key -> of(Setting.valueOf(key)));
        }

        String checked(Setting setting) {
            String value = of(setting);
            check.require(setting, value);
            return value;
        }

        int integer(Setting setting) {
            return check.integer(setting, of(setting));
        }
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
