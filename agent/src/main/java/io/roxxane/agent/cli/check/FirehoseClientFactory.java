package io.roxxane.agent.cli.check;

import io.roxxane.agent.aws.CallTimer;
import io.roxxane.agent.aws.TimedExchange;
import io.roxxane.agent.credentials.AgentCredentials;
import io.roxxane.agent.aws.CallTimeouts;

import io.roxxane.agent.identity.AgentVersion;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.FirehoseClientBuilder;

/**
 * Builds the SDK's generated Firehose client for {@code check}'s DescribeDeliveryStream (the
 * agent itself sends with {@link SignedFirehoseCall}, which loads far less): the URL-connection HTTP client (no
 * Netty, no Apache client), credentials from the agent's chain ({@link AgentCredentials}), region from
 * {@code region=} else the SDK's chain, endpoint from {@code endpoint=} else the SDK's own
 * {@code AWS_ENDPOINT_URL_FIREHOSE} / {@code AWS_ENDPOINT_URL} handling. Call and attempt
 * timeouts are set and the SDK's own retries are off: the shipper's retry loop is in charge, so
 * that a retry never holds up the collector and never loses data. The timeouts run on one
 * {@link CallTimer} thread rather than the SDK's default pool of five.
 *
 * <p>Building a client loads a good part of the SDK: only the CLI calls this, never the agent.
 */
final class FirehoseClientFactory {
    private FirehoseClientFactory() {
    }

    /**
     * @param region null for the SDK's region chain
     * @param endpoint null for the SDK's endpoint resolution
     * @param credentials the caller's; the client does not close them
     * @throws software.amazon.awssdk.core.exception.SdkClientException when no region can be found
     */
    static FirehoseConnection create(String region, URI endpoint, CallTimeouts timeouts,
            AwsCredentialsProvider credentials) {
        Duration attempt = Duration.ofMillis(timeouts.attemptMillis());
        ScheduledThreadPoolExecutor timer = CallTimer.create();
        FirehoseClientBuilder builder = FirehoseClient.builder()
                .httpClientBuilder(TimedExchange.httpClient(timeouts))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .scheduledExecutorService(timer)
                        .apiCallTimeout(Duration.ofMillis(timeouts.callMillis()))
                        .apiCallAttemptTimeout(attempt)
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, "roxxane/" + AgentVersion.get())
                        .build());
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try {
            return new FirehoseConnection(builder.build(), timer);
        } catch (RuntimeException | Error e) {
            timer.shutdownNow();
            throw e;
        }
    }
}
