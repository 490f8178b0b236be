package io.roxxane.agent.sink.firehose;

import java.util.ArrayList;
import java.util.List;

/** One Firehose record: whole sample lines, newline-delimited, and how many samples it holds. */
public final class PackedRecord {
    private final byte[] data;
    private final int samples;

    public PackedRecord(byte[] data, int samples) {
        this.data = data;
        this.samples = samples;
    }

    /** The record's data blob. Callers must not modify it. */
    public byte[] data() {
        return data;
    }

    public int size() {
        return data.length;
    }

    public int samples() {
        return samples;
    }

    /** The data blobs of {@code records}, in order. */
    static List<byte[]> data(List<PackedRecord> records) {
        List<byte[]> data = new ArrayList<byte[]>(records.size());
        for (PackedRecord record : records) {
            data.add(record.data);
        }
        return data;
    }
}
