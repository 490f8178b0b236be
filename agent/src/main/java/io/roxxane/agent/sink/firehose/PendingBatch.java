package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.spool.SpoolPosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The batch the sender is delivering: its records and, for a batch read from the spool, the spool
 * position after its last sample (acknowledged once Firehose has taken every record).
 */
final class PendingBatch {
    private final List<PackedRecord> records;
    private final SpoolPosition spoolEnd;
    private final long bytes;
    private final int samples;
    private int attempts;

    /** @param spoolEnd where the batch ends in the spool; null for a batch from memory */
    PendingBatch(List<PackedRecord> records, SpoolPosition spoolEnd) {
        this.records = Collections.unmodifiableList(new ArrayList<PackedRecord>(records));
        this.spoolEnd = spoolEnd;
        long b = 0;
        int s = 0;
        for (PackedRecord record : records) {
            b += record.size();
            s += record.samples();
        }
        this.bytes = b;
        this.samples = s;
    }

    List<PackedRecord> records() {
        return records;
    }

    /** Where the batch ends in the spool, or null for a batch from memory. */
    SpoolPosition spoolEnd() {
        return spoolEnd;
    }

    long bytes() {
        return bytes;
    }

    int samples() {
        return samples;
    }

    /** Attempts made so far (the first send included). */
    int attempts() {
        return attempts;
    }

    void attempted() {
        attempts++;
    }

    /** The same batch reduced to the records at {@code indexes} (those Firehose did not take). */
    PendingBatch keepOnly(List<Integer> indexes) {
        List<PackedRecord> kept = new ArrayList<PackedRecord>(indexes.size());
        for (int index : indexes) {
            kept.add(records.get(index));
        }
        PendingBatch reduced = new PendingBatch(kept, spoolEnd);
        reduced.attempts = attempts;
        return reduced;
    }
}
