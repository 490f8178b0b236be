/**
 * The Firehose sink ({@code stream=NAME}): queue, packer, sender, spool.
 *
 * <p>Flow: the collector thread calls {@link io.roxxane.agent.sink.firehose.FirehoseSink#accept},
 * which only appends to the byte-bounded {@code SampleQueue} (oldest dropped and counted past
 * {@code buffer}). The {@code roxxane-firehose} daemon thread ({@code FirehoseSender}) takes a
 * batch when {@code flush} has passed since the oldest queued sample or a batch is full, packs it
 * with {@code RecordPacker} (newline-delimited samples, as few records as the limits in
 * {@code FirehoseLimits} allow, because Firehose bills each record in 5,120-byte increments),
 * and sends it with PutRecordBatch through {@code FirehoseRecordSender}. Whole-call failures are
 * retried with {@code Backoff} (capped, jittered); failures retrying cannot fix now slowly;
 * partial failures re-send only the records Firehose did not take. With {@code spool=DIR} the
 * {@code Spool} keeps, in order and across restarts, what an outage would otherwise drop, and
 * what shutdown could not deliver within {@code shutdown_timeout}.
 *
 * <p>May depend on: {@code aws} (the signed call), {@code credentials}, {@code config},
 * {@code log}, {@code sample}, {@code stats}, {@code sink}, the schema module.
 */
package io.roxxane.agent.sink.firehose;
