package io.roxxane.provisioner.stack;

import io.roxxane.provisioner.aws.StackIdentity;
import io.roxxane.provisioner.config.Settings;
import io.roxxane.schema.PartitionRule;

/** Every name and ARN of one stack, derived from the settings and the account; no AWS calls. */
public record StackLayout(Settings settings, StackIdentity identity, String bucketName) {
    public static final String DELIVERY_LOG_STREAM = "DestinationDelivery";

    public static StackLayout of(Settings settings, StackIdentity identity) {
        return new StackLayout(settings, identity, settings.bucketNameFor(identity.accountId(), identity.region()));
    }

    public String bucketArn() {
        return "arn:" + identity.partition() + ":s3:::" + bucketName;
    }

    public String dataLocation() {
        return "s3://" + bucketName + "/" + settings.prefix() + "/";
    }

    public String roleArn(String roleName) {
        return "arn:" + identity.partition() + ":iam::" + identity.accountId() + ":role/" + roleName;
    }

    public String functionArn(String functionName) {
        return regional("lambda", "function:" + functionName);
    }

    public String lambdaLogGroupArn(String functionName) {
        return regional("logs", "log-group:/aws/lambda/" + functionName);
    }

    public String catalogArn() {
        return regional("glue", "catalog");
    }

    public String databaseArn() {
        return regional("glue", "database/" + settings.glueDatabaseName());
    }

    public String tableArn() {
        return regional("glue", "table/" + settings.glueDatabaseName() + "/" + settings.glueTableName());
    }

    public String logGroupArn() {
        return regional("logs", "log-group:" + settings.logGroupName());
    }

    public String deliveryStreamArn() {
        return regional("firehose", "deliverystream/" + settings.deliveryStreamName());
    }

    /**
     * Where Firehose writes records: one Hive-style partition per service and UTC hour, each key
     * of {@link PartitionRule#KEYS} as the transform returns it ({@code service=!{partitionKeyFromLambda:service}/...}).
     */
    public String firehosePrefix() {
        StringBuilder prefix = new StringBuilder(settings.prefix()).append('/');
        for (String key : PartitionRule.KEYS) {
            prefix.append(key).append("=!{partitionKeyFromLambda:").append(key).append("}/");
        }
        return prefix.toString();
    }

    /** Where Firehose writes what it could not process, by failure type and arrival hour. */
    public String firehoseErrorPrefix() {
        return settings.errorPrefix() + "/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}"
                + "/day=!{timestamp:dd}/hour=!{timestamp:HH}/";
    }

    /**
     * The argument the agent needs; with {@code endpoint=} when the provisioner was pointed at an
     * endpoint of its own (see {@link Settings#agentEndpoint()}).
     */
    public String agentArgument() {
        return "-javaagent:roxxane.jar=stream=" + settings.deliveryStreamName() + ",region=" + identity.region()
                + settings.agentEndpoint().map(endpoint -> ",endpoint=" + endpoint).orElse("");
    }

    private String regional(String service, String resource) {
        return "arn:" + identity.partition() + ":" + service + ":" + identity.region() + ":" + identity.accountId() + ":" + resource;
    }
}
