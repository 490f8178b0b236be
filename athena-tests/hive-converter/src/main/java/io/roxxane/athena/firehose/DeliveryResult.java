package io.roxxane.athena.firehose;

import java.util.List;

/**
 * What a delivery wrote below the bucket directory.
 *
 * @param objects the Parquet objects, by key, in the order written, with their row counts
 * @param errors the objects written under the error prefix (JSON lines), with the records' failure
 */
public record DeliveryResult(List<DeliveredObject> objects, List<ErrorObject> errors) {

    /**
     * A Parquet object: its S3 key (relative to the bucket), how many rows it holds, and the Glue
     * table version it was converted with (the version the table had when the object was written).
     */
    public record DeliveredObject(String key, int rows, String tableVersionId) {
    }

    /** An error output object: its key, the error output type, and one message per record. */
    public record ErrorObject(String key, String errorOutputType, List<String> messages) {
    }
}
