/**
 * Where the agent's AWS credentials come from: the SDK's default chain of sources, in its order
 * ({@code AgentCredentials}), with web identity (EKS IRSA) through the agent's own unsigned STS
 * {@code AssumeRoleWithWebIdentity} call ({@code WebIdentityCredentials}, {@code WebIdentityAnswer}),
 * the start-up check of the profile files ({@code AwsProfileFilesCheck}), and what a failed chain
 * means in one line ({@code CredentialsChainFailure}).
 *
 * <p>May depend on: {@code aws}, {@code config}, the AWS SDK.
 */
package io.roxxane.agent.credentials;
