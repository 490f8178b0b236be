package io.roxxane.provisioner.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting of the provisioner, once: its environment / file name, its flag, its default and
 * the values it allows. A default may name other settings as {@code ${KEY}} (mostly
 * {@link #STACK_NAME}); the resolver fills them in, and the help shows them as written.
 */
public enum Setting {
    STACK_NAME("Name that derives every other default and tags every resource", "roxxane",
            new Allowed.Matching("[a-z0-9]([a-z0-9-]{0,27}[a-z0-9])?", "1..29 characters of a-z, 0-9 and '-', starting and ending"
                    + " with a letter or digit (it becomes part of bucket and other names)")),
    REGION_NAME("AWS region; unset: the SDK's region chain (AWS_REGION, profile)", ""),
    ENDPOINT_URL("One endpoint for every AWS service (LocalStack, moto); unset: AWS", ""),
    PROFILE("AWS profile for credentials and region; unset: the SDK's default chains", ""),
    BUCKET_NAME("S3 bucket for the data", "${STACK_NAME}-data-${ACCOUNT_ID}-${REGION_NAME}",
            new Allowed.Matching("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
                    "3..63 characters of a-z, 0-9, '.' and '-', starting and ending with a letter or digit")),
    PREFIX("Key prefix of the data in the bucket (no leading or trailing '/')", "metrics", Allowed.KEY_PREFIX),
    ERROR_PREFIX("Key prefix of records Firehose could not deliver or convert", "errors", Allowed.KEY_PREFIX),
    DATA_EXPIRY_DAYS("Delete objects this many days after they were written; 0 keeps them", "0",
            new Allowed.Range(0, 36_500, "days", " (0 keeps them forever)")),
    DELIVERY_STREAM_NAME("Firehose stream the agent writes to", "${STACK_NAME}-metrics",
            new Allowed.Matching("[a-zA-Z0-9_.-]{1,64}", "1..64 characters of A-Z, a-z, 0-9, '_', '.' and '-'")),
    BUFFERING_SIZE("Firehose buffer size in MiB before an object is written", "128",
            new Allowed.Range(64, 128, "MiB", ": Firehose's limits with dynamic partitioning and format conversion")),
    BUFFERING_TIME("Firehose buffer time in seconds before an object is written", "300",
            new Allowed.Range(60, 900, "seconds", ": Firehose allows 0..900, but zero buffering (under 60 s) is not available"
                    + " with dynamic partitioning")),
    ROLE_NAME("IAM role Firehose assumes", "${STACK_NAME}-firehose", Allowed.ROLE_NAME),
    LAMBDA_FUNCTION_NAME("Transform Lambda function", "${STACK_NAME}-transform", Allowed.FUNCTION_NAME),
    LAMBDA_ROLE_NAME("IAM role of the transform Lambda", "${LAMBDA_FUNCTION_NAME}-role", Allowed.ROLE_NAME),
    LAMBDA_MEMORY_MB("Memory of the transform Lambda in MB", "512", new Allowed.Range(128, 10_240, "MB", " (Lambda's limits)")),
    LAMBDA_TIMEOUT("Timeout of the transform Lambda in seconds", "60",
            new Allowed.Range(1, 300, "seconds", ": Lambda allows 900, but Firehose invokes a transform Lambda for at most 5 minutes")),
    REGISTRAR_FUNCTION_NAME("Partition registrar Lambda function", "${STACK_NAME}-partition-registrar", Allowed.FUNCTION_NAME),
    REGISTRAR_ROLE_NAME("IAM role of the partition registrar Lambda", "${REGISTRAR_FUNCTION_NAME}-role", Allowed.ROLE_NAME),
    GLUE_DATABASE_NAME("Glue database", new Computed("${STACK_NAME} with '-' as '_'"), Allowed.GLUE_NAME),
    GLUE_TABLE_NAME("Glue table", "metrics", Allowed.GLUE_NAME),
    LOG_GROUP_NAME("CloudWatch log group for Firehose delivery errors", "/aws/kinesisfirehose/${DELIVERY_STREAM_NAME}",
            new Allowed.Matching("[.\\-_/#A-Za-z0-9]{1,512}", "1..512 characters of A-Z, a-z, 0-9 and . - _ / #")),
    LOG_RETENTION_DAYS("Retention of the Firehose error log group in days", "14", new Allowed.OneOf(List.of(1, 3, 5, 7, 14, 30, 60,
            90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653), "days")),
    TRANSFORM_JAR("Deployment jar of the transform Lambda",
            new Computed("transform.jar next to provisioner.jar, else transform/target/transform.jar of the repository"), null),
    REGISTRAR_JAR("Deployment jar of the partition registrar Lambda",
            new Computed("partition-registrar.jar next to provisioner.jar, else partition-registrar/target/partition-registrar.jar"),
            null),
    STATE_FILE("Where apply writes the outputs (ARNs) as JSON", "roxxane-${STACK_NAME}.state.json"),
    IAM_PROPAGATION_TIMEOUT("Seconds to keep retrying calls that fail while new IAM roles propagate", "120",
            new Allowed.Range(10, 900, "seconds", ""));

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z_]+)}");

    /** A default that code computes (no template can say it); the text only describes it, for the help. */
    private record Computed(String description) {
    }

    private final String description;
    private final String defaultText;
    private final boolean defaultComputed;
    private final Allowed allowed;

    Setting(String description, String defaultTemplate) {
        this(description, defaultTemplate, (Allowed) null);
    }

    Setting(String description, String defaultTemplate, Allowed allowed) {
        this.description = description;
        this.defaultText = defaultTemplate;
        this.defaultComputed = false;
        this.allowed = allowed;
    }

    Setting(String description, Computed computedDefault, Allowed allowed) {
        this.description = description;
        this.defaultText = computedDefault.description();
        this.defaultComputed = true;
        this.allowed = allowed;
    }

    /** Name in environment variables and in properties / .env files. */
    public String key() {
        return name();
    }

    /** Command-line flag, e.g. {@code --bucket-name}. */
    public String flag() {
        return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    /** The default as documented; derived ones are spelled with {@code ${...}}; empty for none. */
    public String defaultDescription() {
        return defaultText;
    }

    /**
     * The default with every {@code ${KEY}} replaced by {@code values.apply(KEY)}, e.g. the stack
     * name for {@code ${STACK_NAME}}.
     *
     * @throws IllegalStateException for a setting whose default code computes (see {@link #defaultDescription()})
     */
    public String defaultValue(Function<String, String> values) {
        if (defaultComputed) {
            throw new IllegalStateException(key() + "'s default is computed: " + defaultText);
        }
        Matcher reference = REFERENCE.matcher(defaultText);
        StringBuilder value = new StringBuilder();
        while (reference.find()) {
            reference.appendReplacement(value, Matcher.quoteReplacement(values.apply(reference.group(1))));
        }
        return reference.appendTail(value).toString();
    }

    /** The values allowed; empty where a check of its own applies (region, endpoint, jars) or anything goes (state file). */
    public Optional<Allowed> allowed() {
        return Optional.ofNullable(allowed);
    }

    /** The setting with this key, or null. */
    public static Setting byKey(String key) {
        for (Setting setting : values()) {
            if (setting.name().equals(key)) {
                return setting;
            }
        }
        return null;
    }
}
