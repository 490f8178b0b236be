package io.roxxane.provisioner.aws;

import io.roxxane.provisioner.config.Settings;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients, created once per run over one HTTP client, with call timeouts. Region
 * ({@link RegionResolver}), profile and credentials follow the SDK's default chains unless a
 * setting names them. {@code http} is null for clients made elsewhere ({@link #of}).
 */
public record AwsClients(Region region, S3Client s3, IamClient iam, LambdaClient lambda, GlueClient glue,
                         FirehoseClient firehose, CloudWatchLogsClient logs, StsClient sts, SdkHttpClient http)
        implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(3);

    /** Clients made elsewhere (tests: fakes that answer what the emulator cannot produce); any may be null. */
    public static AwsClients of(Region region, S3Client s3, IamClient iam, LambdaClient lambda, GlueClient glue,
                                FirehoseClient firehose, CloudWatchLogsClient logs, StsClient sts) {
        return new AwsClients(region, s3, iam, lambda, glue, firehose, logs, sts, null);
    }

    public static AwsClients create(Settings settings) {
        SdkHttpClient http = ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT)
                .maxConnections(16).build();
        ClientSetup setup = new ClientSetup(settings, RegionResolver.resolve(settings), http);
        return new AwsClients(setup.region(), setup.configure(S3Client.builder().forcePathStyle(settings.endpointUrl().isPresent())),
                // IAM is global: the SDK's endpoint rules map any region of a partition to its IAM endpoint.
                setup.configure(IamClient.builder()), setup.configure(LambdaClient.builder()), setup.configure(GlueClient.builder()),
                setup.configure(FirehoseClient.builder()), setup.configure(CloudWatchLogsClient.builder()),
                setup.configure(StsClient.builder()), http);
    }

    /** What every client shares: the HTTP client, region, credentials, timeouts and the endpoint override. */
    private record ClientSetup(Settings settings, Region region, SdkHttpClient http, AwsCredentialsProvider credentials,
                               ClientOverrideConfiguration overrides) {
        ClientSetup(Settings settings, Region region, SdkHttpClient http) {
            this(settings, region, http, settings.profile()
                    .<AwsCredentialsProvider>map(profile -> ProfileCredentialsProvider.builder()
                            .profileFile(ProfileFile.defaultProfileFile()).profileName(profile).build())
                    .orElseGet(() -> DefaultCredentialsProvider.builder().build()),
                    ClientOverrideConfiguration.builder().apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT).build());
        }

        <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(B builder) {
            builder.httpClient(http).credentialsProvider(credentials).overrideConfiguration(overrides).region(region);
            settings.endpointUrl().ifPresent(builder::endpointOverride);
            return builder.build();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable client : new AutoCloseable[] {s3, iam, lambda, glue, firehose, logs, sts}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception e) {
                    // closing cannot fail the run
                }
            }
        }
        if (http != null) {
            http.close();
        }
    }
}
