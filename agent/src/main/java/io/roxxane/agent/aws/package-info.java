/**
 * AWS plumbing built from the AWS SDK v2's parts rather than its generated clients: the signed
 * Firehose JSON 1.1 call ({@code SignedFirehoseCall}), its wire format ({@code PutRecordBatchJson}),
 * one HTTP exchange held to a deadline ({@code TimedExchange}, {@code CallTimer}), and where calls
 * go ({@code FirehoseEndpoint}, {@code StsEndpoint}, {@code ConfiguredEndpointUrl}). Skipping the
 * generated client keeps some 1,300 classes and several MB of heap and metaspace out of the host.
 *
 * <p>May depend on: the AWS SDK, Jackson core, {@code identity} (the version in the user agent).
 * Never on the sinks or on {@code credentials}: a call is handed its credentials
 * ({@code CredentialsSource}).
 */
package io.roxxane.agent.aws;
