/**
 * The Firehose sink ({@code stream=NAME}) and the {@code check} command.
 *
 * <p>Flow: the collector thread calls {@link io.roxxane.agent.firehose.FirehoseSink#accept},
 * which only appends to the byte-bounded {@code SampleQueue} (oldest dropped and counted past
 * {@code buffer}). The {@code roxxane-firehose} daemon thread ({@code FirehoseSender}) takes a
 * batch when {@code flush} has passed since the oldest queued sample or a batch is full, packs it
 * with {@code RecordPacker} (newline-delimited samples, as few records as the limits in
 * {@code FirehoseLimits} allow, because Firehose bills each record in 5,120-byte increments),
 * and sends it with PutRecordBatch through {@code FirehoseRecordSender}: a {@code SignedFirehoseCall}
 * built from the AWS SDK v2's parts (default credentials chain, SigV4 signer, URL-connection HTTP
 * client, Firehose endpoint rules), not its generated client, whose set-up alone loads some 1,300
 * more classes into the host. Whole-call failures are retried with {@code Backoff} (capped,
 * jittered); failures retrying cannot fix now ({@code DeliveryFailure.Kind#NOT_NOW}) slowly;
 * partial failures re-send only the records Firehose did not take. With {@code spool=DIR} the
 * {@code Spool} keeps, in order and across restarts, what an outage would otherwise drop, and
 * what shutdown could not deliver within {@code shutdown_timeout}.
 *
 * <p>May depend on: the agent's config, log, sample and stats packages, the schema module, the
 * AWS SDK (only in {@code SignedFirehoseCall}, {@code FirehoseEndpoint},
 * {@code SdkFailureClassifier}, {@code AwsProfileFilesCheck}, and, for the CLI's {@code check}
 * only, {@code FirehoseClientFactory} and {@code FirehoseCheck}; all loaded on the sender thread
 * or by the CLI, except the profile-file check at start).
 */
package io.roxxane.agent.firehose;
