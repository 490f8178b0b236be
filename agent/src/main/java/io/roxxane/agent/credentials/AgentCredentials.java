package io.roxxane.agent.credentials;

import io.roxxane.agent.aws.TimedExchange;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

/**
 * The credentials chain of the agent and of {@code check}: the SDK's default chain, the same
 * sources in the same order with the same settings, with {@link WebIdentityCredentials} in the
 * place of the SDK's web identity provider. The SDK's default chain builds a generated STS client
 * as soon as {@code AWS_WEB_IDENTITY_TOKEN_FILE} and {@code AWS_ROLE_ARN} are set, even when keys
 * in the environment come first and STS is never called.
 */
public final class AgentCredentials {
    private AgentCredentials() {
    }

    /**
     * System properties, environment, web identity, profile, container, instance metadata; the
     * source that last answered is asked first next time, as in the SDK's default chain. Closing
     * the chain closes every source. The web identity source calls STS over {@code exchange}, each
     * attempt within {@code attemptMillis}.
     */
    public static AwsCredentialsProviderChain chain(String region, TimedExchange exchange, long attemptMillis) {
        return chain(WebIdentityCredentials.fromSettings(region, exchange, attemptMillis));
    }

    static AwsCredentialsProviderChain chain(WebIdentityCredentials webIdentity) {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create(),
                        webIdentity,
                        ProfileCredentialsProvider.builder().build(),
                        ContainerCredentialsProvider.builder().build(),
                        InstanceProfileCredentialsProvider.builder().build())
                .build();
    }
}
