package io.roxxane.provisioner.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolved and validated settings. Only the bucket's default name waits for the account id and
 * region, which are known after the first AWS call ({@link #bucketNameFor}).
 */
public record Settings(
        String stackName,
        Optional<String> region,
        Optional<URI> endpointUrl,
        Optional<String> profile,
        Optional<String> bucketName,
        String prefix,
        String errorPrefix,
        int dataExpiryDays,
        String deliveryStreamName,
        int bufferingSizeMiB,
        int bufferingTimeSeconds,
        String firehoseRoleName,
        String transformFunctionName,
        String transformRoleName,
        int lambdaMemoryMb,
        int lambdaTimeoutSeconds,
        String registrarFunctionName,
        String registrarRoleName,
        String glueDatabaseName,
        String glueTableName,
        String logGroupName,
        int logRetentionDays,
        Path transformJar,
        Path registrarJar,
        Path stateFile,
        Duration iamPropagationTimeout) {

    /** The bucket name: the configured one, or {@code <stack>-data-<account>-<region>}. */
    public String bucketNameFor(String accountId, String regionName) {
        return bucketName.orElse(stackName + "-data-" + accountId + "-" + regionName);
    }
}
