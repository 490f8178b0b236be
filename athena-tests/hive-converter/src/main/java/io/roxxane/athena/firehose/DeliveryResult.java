package io.roxxane.athena.firehose;

import java.util.List;

/**
 * What a delivery wrote below the bucket directory.
 *
 * @param objects the Parquet objects, by key, with their row counts
 * @param errors the objects written under the error prefix (JSON lines), with the records' failure
 */
public record DeliveryResult(List<DeliveredObject> objects, List<ErrorObject> errors) {

    /** A Parquet object: its S3 key (relative to the bucket) and how many rows it holds. */
    public record DeliveredObject(String key, int rows) {
    }

    /** An error output object: its key, the error output type, and one message per record. */
    public record ErrorObject(String key, String errorOutputType, List<String> messages) {
    }
}
