package io.roxxane.agent.firehose;

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
final class AgentCredentials {
    private AgentCredentials() {
    }

    /**
     * System properties, environment, web identity, profile, container, instance metadata; the
     * source that last answered is asked first next time, as in the SDK's default chain. Closing
     * the chain closes every source.
     */
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
