package io.roxxane.provisioner.aws;

import io.roxxane.provisioner.config.ConfigException;
import io.roxxane.provisioner.config.RegionCodes;
import io.roxxane.provisioner.config.Setting;
import io.roxxane.provisioner.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
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

    private AwsClients(Region region, S3Client s3, IamClient iam, LambdaClient lambda, GlueClient glue, FirehoseClient firehose,
                       CloudWatchLogsClient logs, StsClient sts) {
        this.http = null;
        this.region = region;
        this.s3 = s3;
        this.iam = iam;
        this.lambda = lambda;
        this.glue = glue;
        this.firehose = firehose;
        this.logs = logs;
        this.sts = sts;
    }

    /** Clients made elsewhere (tests: fakes that answer what the emulator cannot produce); any may be null. */
    public static AwsClients of(Region region, S3Client s3, IamClient iam, LambdaClient lambda, GlueClient glue,
                                FirehoseClient firehose, CloudWatchLogsClient logs, StsClient sts) {
        return new AwsClients(region, s3, iam, lambda, glue, firehose, logs, sts);
    }

    /**
     * The region, as the SDK would pick it: REGION_NAME if set, else the SDK's region chain
     * ({@code aws.region} system property, {@code AWS_REGION}, then the profile's {@code region},
     * then instance metadata), so an exported {@code AWS_REGION} beats the profile's region as it
     * does in the AWS CLI and every SDK. Before that, a profile named by PROFILE or
     * {@code AWS_PROFILE} must exist. The region found must be a region code. All failures are
     * {@link ConfigException}s naming the setting, before any AWS call.
     */
    public static Region resolveRegion(Settings settings) {
        Optional<String> profile = settings.profile();
        String profileSetting = Setting.PROFILE.key();
        if (profile.isEmpty()) {
            profile = Optional.ofNullable(ProfileFileSystemSetting.AWS_PROFILE.getNonDefaultStringValue().orElse(null)).filter(p -> !p.isBlank());
            profileSetting = ProfileFileSystemSetting.AWS_PROFILE.environmentVariable();
        }
        if (profile.isPresent()) {
            requireProfile(profileSetting, profile.get());
        }
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get()); // checked with the other settings
        }
        Region region;
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            profile.ifPresent(chain::profileName);
            region = chain.build().getRegion();
        } catch (SdkClientException e) {
            throw new ConfigException("no AWS region: set REGION_NAME (--region-name) or AWS_REGION, or a region in the AWS profile"
                    + profile.map(p -> " '" + p + "'").orElse(""));
        }
        if (!RegionCodes.isRegionCode(region.id())) {
            throw new ConfigException(regionSource(profile) + "='" + region.id() + "' is not allowed: expected " + RegionCodes.ALLOWED
                    + " (or set REGION_NAME)");
        }
        return region;
    }

    /** Where the SDK's chain found the region, named as the user would set it. */
    private static String regionSource(Optional<String> profile) {
        if (System.getProperty(SdkSystemSetting.AWS_REGION.property()) != null) {
            return "system property " + SdkSystemSetting.AWS_REGION.property();
        }
        if (System.getenv(SdkSystemSetting.AWS_REGION.environmentVariable()) != null) {
            return SdkSystemSetting.AWS_REGION.environmentVariable();
        }
        return "region of AWS profile '" + profile.orElse("default") + "' in " + ProfileFileLocation.configurationFilePath();
    }

    private static void requireProfile(String setting, String name) {
        ProfileFile profiles;
        try {
            profiles = ProfileFile.defaultProfileFile();
        } catch (RuntimeException e) {
            throw new ConfigException(setting + "='" + name + "' cannot be checked: the AWS config or credentials file cannot be read ("
                    + e.getMessage() + ")");
        }
        if (profiles.profile(name).isEmpty()) {
            List<String> known = new ArrayList<>(profiles.profiles().keySet());
            java.util.Collections.sort(known);
            throw new ConfigException(setting + "='" + name + "' is not allowed: no such profile in "
                    + ProfileFileLocation.configurationFilePath() + " or " + ProfileFileLocation.credentialsFilePath()
                    + "; expected one of " + (known.isEmpty() ? "(none defined)" : String.join(", ", known))
                    + ", or leave it unset for the SDK's default credentials");
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
