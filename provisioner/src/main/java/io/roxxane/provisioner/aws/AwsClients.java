package io.roxxane.provisioner.aws;

import io.roxxane.provisioner.config.ConfigException;
import io.roxxane.provisioner.config.Settings;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients, created once per run over one HTTP client, with call timeouts. Region,
 * profile and credentials follow the SDK's default chains unless a setting names them.
 */
public final class AwsClients implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);

    private final SdkHttpClient http;
    private final Region region;
    private final S3Client s3;
    private final IamClient iam;
    private final LambdaClient lambda;
    private final GlueClient glue;
    private final FirehoseClient firehose;
    private final CloudWatchLogsClient logs;
    private final StsClient sts;

    private AwsClients(Settings settings) {
        this.http = ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT)
                .maxConnections(16).build();
        this.region = resolveRegion(settings);
        AwsCredentialsProvider credentials = settings.profile()
                .<AwsCredentialsProvider>map(profile -> ProfileCredentialsProvider.builder()
                        .profileFile(ProfileFile.defaultProfileFile()).profileName(profile).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT).build();

        this.s3 = configure(S3Client.builder().forcePathStyle(settings.endpointUrl().isPresent()), settings, credentials, overrides);
        // IAM is global: the SDK's endpoint rules map any region of a partition to its IAM endpoint.
        this.iam = configure(IamClient.builder(), settings, credentials, overrides);
        this.lambda = configure(LambdaClient.builder(), settings, credentials, overrides);
        this.glue = configure(GlueClient.builder(), settings, credentials, overrides);
        this.firehose = configure(FirehoseClient.builder(), settings, credentials, overrides);
        this.logs = configure(CloudWatchLogsClient.builder(), settings, credentials, overrides);
        this.sts = configure(StsClient.builder(), settings, credentials, overrides);
    }

    /** REGION_NAME, else the profile's region, else the SDK's region chain; a clear error when none has one. */
    public static Region resolveRegion(Settings settings) {
        try {
            return settings.region().map(Region::of).orElseGet(() -> settings.profile()
                    .map(profile -> new AwsProfileRegionProvider(null, profile).getRegion())
                    .orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion()));
        } catch (SdkClientException e) {
            throw new ConfigException("no AWS region: set REGION_NAME (--region-name), AWS_REGION, or a region in the AWS profile");
        }
    }

    public static AwsClients create(Settings settings) {
        return new AwsClients(settings);
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(
            B builder, Settings settings, AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides) {
        builder.httpClient(http).credentialsProvider(credentials).overrideConfiguration(overrides).region(region);
        settings.endpointUrl().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public Region region() {
        return region;
    }

    public S3Client s3() {
        return s3;
    }

    public IamClient iam() {
        return iam;
    }

    public LambdaClient lambda() {
        return lambda;
    }

    public GlueClient glue() {
        return glue;
    }

    public FirehoseClient firehose() {
        return firehose;
    }

    public CloudWatchLogsClient logs() {
        return logs;
    }

    public StsClient sts() {
        return sts;
    }

    @Override
    public void close() {
        s3.close();
        iam.close();
        lambda.close();
        glue.close();
        firehose.close();
        logs.close();
        sts.close();
        http.close();
    }
}
