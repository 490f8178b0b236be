package io.roxxane.provisioner.resources.spec;

import java.util.List;
import java.util.Map;

/**
 * The Firehose stream: Direct PUT into the bucket, with every setting this stack relies on.
 * {@code status} is {@value #HEALTHY} unless Firehose reports the stream {@code CREATING_FAILED}
 * or {@code DELETING_FAILED}; then it says so, with the fix. {@code deserializer} is the record
 * format conversion's JSON deserializer with its options ({@link JsonDeserializer}).
 */
public record DeliveryStreamSpec(
        String status,
        String streamType,
        String bucketArn,
        String roleArn,
        String prefix,
        String errorOutputPrefix,
        int bufferingSizeMiB,
        int bufferingIntervalSeconds,
        String compression,
        boolean processingEnabled,
        List<Processor> processors,
        boolean dynamicPartitioning,
        int dynamicPartitioningRetrySeconds,
        boolean formatConversion,
        JsonDeserializer deserializer,
        String outputSerDe,
        String parquetCompression,
        String schemaCatalogId,
        String schemaDatabase,
        String schemaTable,
        String schemaRegion,
        String schemaRoleArn,
        String schemaVersionId,
        boolean cloudWatchLogging,
        String logGroupName,
        String logStreamName) {

    public static final String HEALTHY = "ACTIVE";

    /** One record processor and the parameters this stack sets on it. */
    public record Processor(String type, Map<String, String> parameters) {
    }
}
