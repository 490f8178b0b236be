package io.roxxane.registrar;

import io.roxxane.schema.PartitionKeys;
import java.util.List;

/**
 * Glue refused some partitions for a reason other than that they exist. Thrown out of the
 * handler so that Lambda retries the (asynchronous) S3 event invocation.
 */
public final class PartitionRegistrationException extends RuntimeException {
    private final transient List<PartitionKeys> done;

    public PartitionRegistrationException(String message, List<PartitionKeys> done) {
        super(message);
        this.done = List.copyOf(done);
    }

    /** The partitions of the same call that were created or already existed. */
    public List<PartitionKeys> done() {
        return done;
    }
}
