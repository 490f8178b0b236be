package io.roxxane.agent.sink.firehose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The batch the sender is delivering: its records, the spool key that orders it among spooled
 * batches (-1 without a spool) and whether it was read from the spool (then its file stays until
 * Firehose takes it).
 */
final class PendingBatch {
    private final List<PackedRecord> records;
    private final long spoolKey;
    private final boolean fromSpool;
    private final long bytes;
    private final int samples;
    private int attempts;

    PendingBatch(List<PackedRecord> records, long spoolKey, boolean fromSpool) {
        this.records = Collections.unmodifiableList(new ArrayList<PackedRecord>(records));
        this.spoolKey = spoolKey;
        this.fromSpool = fromSpool;
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

    long spoolKey() {
        return spoolKey;
    }

    boolean fromSpool() {
        return fromSpool;
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
        PendingBatch reduced = new PendingBatch(kept, spoolKey, fromSpool);
        reduced.attempts = attempts;
        return reduced;
    }
}
