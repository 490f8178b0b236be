package io.roxxane.it.emulator;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * A running AWS emulator: where it listens, which region and dummy credentials to use.
 * Obtain one through {@link AwsEmulatorExtension}; never construct it in a test.
 *
 * @param kind          {@code "moto"} or {@code "localstack"}
 * @param endpoint      one endpoint URL for every service
 * @param region        region to configure clients with
 * @param accessKeyId   dummy access key
 * @param secretAccessKey dummy secret key
 * @param accountId     the account the emulator reports for these credentials
 */
public record AwsEmulator(String kind, URI endpoint, String region, String accessKeyId, String secretAccessKey,
                          String accountId) {

    /** The region as the SDK names it. */
    public Region sdkRegion() {
        return Region.of(region);
    }

    /** Static dummy credentials for SDK clients in the test JVM. */
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    /**
     * Points an SDK client builder at this emulator (endpoint, region, credentials). S3 clients
     * also need {@code forcePathStyle(true)}: the emulator's host name cannot carry bucket names.
     */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder.endpointOverride(endpoint).region(sdkRegion()).credentialsProvider(credentialsProvider());
    }

    /**
     * Environment for a child process (the real provisioner or agent jar) so that the SDK's
     * default chains find this emulator: endpoint, region and credentials, with no profile.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        return env;
    }
}
