package io.roxxane.provisioner.config;

import java.util.Locale;

/**
 * Every setting of the provisioner, once: its environment / file name, its flag, and its default.
 * Defaults in {@code ${...}} are derived from other settings (mostly {@link #STACK_NAME}).
 */
public enum Setting {
    STACK_NAME("Name that derives every other default and tags every resource", "roxxane"),
    REGION_NAME("AWS region; unset: the SDK's region chain (AWS_REGION, profile)", ""),
    ENDPOINT_URL("One endpoint for every AWS service (LocalStack, moto); unset: AWS", ""),
    PROFILE("AWS profile for credentials and region; unset: the SDK's default chains", ""),
    BUCKET_NAME("S3 bucket for the data", "${STACK_NAME}-data-${ACCOUNT_ID}-${REGION_NAME}"),
    PREFIX("Key prefix of the data in the bucket (no leading or trailing '/')", "metrics"),
    ERROR_PREFIX("Key prefix of records Firehose could not deliver or convert", "errors"),
    DATA_EXPIRY_DAYS("Delete objects this many days after they were written; 0 keeps them", "0"),
    DELIVERY_STREAM_NAME("Firehose stream the agent writes to", "${STACK_NAME}-metrics"),
    BUFFERING_SIZE("Firehose buffer size in MiB before an object is written", "128"),
    BUFFERING_TIME("Firehose buffer time in seconds before an object is written", "300"),
    ROLE_NAME("IAM role Firehose assumes", "${STACK_NAME}-firehose"),
    LAMBDA_FUNCTION_NAME("Transform Lambda function", "${STACK_NAME}-transform"),
    LAMBDA_ROLE_NAME("IAM role of the transform Lambda", "${LAMBDA_FUNCTION_NAME}-role"),
    LAMBDA_MEMORY_MB("Memory of the transform Lambda in MB", "512"),
    LAMBDA_TIMEOUT("Timeout of the transform Lambda in seconds", "60"),
    REGISTRAR_FUNCTION_NAME("Partition registrar Lambda function", "${STACK_NAME}-partition-registrar"),
    REGISTRAR_ROLE_NAME("IAM role of the partition registrar Lambda", "${REGISTRAR_FUNCTION_NAME}-role"),
    GLUE_DATABASE_NAME("Glue database", "${STACK_NAME} with '-' as '_'"),
    GLUE_TABLE_NAME("Glue table", "metrics"),
    LOG_GROUP_NAME("CloudWatch log group for Firehose delivery errors", "/aws/kinesisfirehose/${DELIVERY_STREAM_NAME}"),
    LOG_RETENTION_DAYS("Retention of the Firehose error log group in days", "14"),
    TRANSFORM_JAR("Deployment jar of the transform Lambda",
            "transform.jar next to provisioner.jar, else transform/target/transform.jar of the repository"),
    REGISTRAR_JAR("Deployment jar of the partition registrar Lambda",
            "partition-registrar.jar next to provisioner.jar, else partition-registrar/target/partition-registrar.jar"),
    STATE_FILE("Where apply writes the outputs (ARNs) as JSON", "roxxane-${STACK_NAME}.state.json"),
    IAM_PROPAGATION_TIMEOUT("Seconds to keep retrying calls that fail while new IAM roles propagate", "120");

    private final String description;
    private final String defaultDescription;

    Setting(String description, String defaultDescription) {
        this.description = description;
        this.defaultDescription = defaultDescription;
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

    /** The default as documented; derived ones are spelled with {@code ${...}}. */
    public String defaultDescription() {
        return defaultDescription;
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
