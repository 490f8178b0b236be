package io.roxxane.testsupport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * A running AWS emulator: where it listens (a loopback address), which region and credentials
 * to use. Obtain one through {@link AwsEmulatorExtension}; never construct it in a test.
 *
 * @param kind            {@code "moto"} or {@code "localstack"}
 * @param endpoint        one endpoint URL for every service, on a loopback address
 * @param region          region to configure clients with
 * @param accessKeyId     access key (dummy, or an emulated IAM user's)
 * @param secretAccessKey secret key
 * @param accountId       the account the emulator reports for these credentials
 */
public record AwsEmulator(String kind, URI endpoint, String region, String accessKeyId, String secretAccessKey,
                          String accountId) {

    /** The region as the SDK names it. */
    public Region sdkRegion() {
        return Region.of(region);
    }

    /** Static credentials for SDK clients in the test JVM. */
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    /** The same emulator with other credentials, e.g. an access key created in its IAM. */
    public AwsEmulator withCredentials(String otherAccessKeyId, String otherSecretAccessKey) {
        return new AwsEmulator(kind, endpoint, region, otherAccessKeyId, otherSecretAccessKey, accountId);
    }

    /**
     * Points an SDK client builder at this emulator (endpoint, region, credentials). S3 clients
     * also need {@code forcePathStyle(true)}: the emulator's host name cannot carry bucket names.
     */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder.endpointOverride(endpoint).region(sdkRegion()).credentialsProvider(credentialsProvider());
    }

    /**
     * Environment for a child process (a built jar in its own JVM) so that the SDK's default
     * chains find this emulator: endpoint, region and credentials, and
     * {@code AWS_EC2_METADATA_DISABLED=true} so that nothing asks the instance metadata service.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /**
     * Replaces every {@code AWS_*} variable a child process would inherit from the test's own
     * environment (profiles, real keys, other endpoints) with {@link #environment()}.
     *
     * @param processEnvironment e.g. {@code ProcessBuilder.environment()}
     */
    public void applyTo(Map<String, String> processEnvironment) {
        processEnvironment.keySet().removeIf(key -> key.startsWith("AWS_"));
        processEnvironment.putAll(environment());
    }
}
