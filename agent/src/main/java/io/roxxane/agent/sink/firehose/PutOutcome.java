package io.roxxane.agent.sink.firehose;

import java.util.Collections;
import java.util.List;

/**
 * What one PutRecordBatch call did: failed as a whole ({@link #failure}), or was answered with
 * the indexes of the records Firehose did not take ({@code FailedPutCount > 0}) and their error
 * codes.
 */
public final class PutOutcome {
    private final DeliveryFailure failure;
    private final List<Integer> failedIndexes;
    private final String firstErrorCode;

    private PutOutcome(DeliveryFailure failure, List<Integer> failedIndexes, String firstErrorCode) {
        this.failure = failure;
        this.failedIndexes = failedIndexes;
        this.firstErrorCode = firstErrorCode;
    }

    static PutOutcome failed(DeliveryFailure failure) {
        return new PutOutcome(failure, Collections.<Integer>emptyList(), null);
    }

    /** An answered call; {@code failedIndexes} empty when every record was taken. */
    static PutOutcome answered(List<Integer> failedIndexes, String firstErrorCode) {
        return new PutOutcome(null, Collections.unmodifiableList(failedIndexes), firstErrorCode);
    }

    /** Non-null when the call failed as a whole. */
    public DeliveryFailure failure() {
        return failure;
    }

    /** Records of the request that Firehose did not take, in request order. */
    public List<Integer> failedIndexes() {
        return failedIndexes;
    }

    /** The error code of the first record not taken, e.g. {@code ServiceUnavailableException}. */
    public String firstErrorCode() {
        return firstErrorCode;
    }
}
