package io.roxxane.provisioner.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
        Duration iamPropagationTimeout,
        Map<Setting, GivenValue> given) {

    public Settings {
        given = java.util.Collections.unmodifiableMap(given.isEmpty() ? new java.util.EnumMap<>(Setting.class)
                : new java.util.EnumMap<>(given));
    }

    /**
     * The endpoint for the agent's argument: the one configured for the provisioner (flag,
     * ROXXANE_ENDPOINT_URL, ENDPOINT_URL, file), but not one that came only from the SDK-wide
     * {@code AWS_ENDPOINT_URL}: the agent's SDK reads that variable itself where it is set.
     */
    public Optional<URI> agentEndpoint() {
        GivenValue endpoint = given.get(Setting.ENDPOINT_URL);
        if (endpoint == null || endpoint.source().equals(GivenValue.SDK_ENDPOINT_VARIABLE)) {
            return Optional.empty();
        }
        return endpointUrl;
    }

    /** The bucket name: the configured one, or {@link Setting#BUCKET_NAME}'s default for this account and region. */
    public String bucketNameFor(String accountId, String regionName) {
        Map<String, String> values = Map.of(Setting.STACK_NAME.key(), stackName, "ACCOUNT_ID", accountId,
                Setting.REGION_NAME.key(), regionName);
        return bucketName.orElseGet(() -> Setting.BUCKET_NAME.defaultValue(values::get));
    }
}
