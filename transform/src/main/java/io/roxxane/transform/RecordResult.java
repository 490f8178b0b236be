package io.roxxane.transform;

/**
 * The result Firehose expects for each record. {@code Dropped} is part of Firehose's contract
 * but never used here: nothing is dropped on purpose, a bad record goes to the error prefix.
 */
enum RecordResult {
    OK("Ok"),
    PROCESSING_FAILED("ProcessingFailed");

    private final String wireName;

    RecordResult(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the response's {@code result} field. */
    String wireName() {
        return wireName;
    }
}
