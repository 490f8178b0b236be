package io.roxxane.athena.firehose;

import java.util.Map;

/**
 * One record as the transformation Lambda returned it.
 *
 * @param result {@code Ok}, {@code Dropped} or {@code ProcessingFailed}
 * @param data the returned data (decoded)
 * @param partitionKeys the metadata's partition keys; empty unless {@code Ok}
 * @param arrivalTimestamp the record's approximate arrival time, epoch ms
 */
record TransformedRecord(String result, byte[] data, Map<String, String> partitionKeys, long arrivalTimestamp) {
}
