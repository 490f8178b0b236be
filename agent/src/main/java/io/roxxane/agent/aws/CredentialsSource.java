package io.roxxane.agent.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Makes the credentials provider of a {@link SignedFirehoseCall} once its region is known; an STS
 * call the provider makes goes over {@code exchange}, the call's own HTTP client and timer.
 */
public interface CredentialsSource {
    AwsCredentialsProvider open(String region, TimedExchange exchange);
}
