package io.roxxane.agent.firehose;

/** One Firehose record: whole sample lines, newline-delimited, and how many samples it holds. */
final class PackedRecord {
    private final byte[] data;
    private final int samples;

    PackedRecord(byte[] data, int samples) {
        this.data = data;
        this.samples = samples;
    }

    /** The record's data blob. Callers must not modify it. */
    byte[] data() {
        return data;
    }

    int size() {
        return data.length;
    }

    int samples() {
        return samples;
    }
}
