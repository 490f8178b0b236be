package io.roxxane.agent.spool;

/** What one {@link SpoolLog#read} did: how many samples it handed over, and the position after the last. */
public final class SpoolRead {
    /** Takes the lines {@link SpoolLog#read} hands over, in order, as long as it has room. */
    public interface Room {
        /** Takes {@code line}; false, taking nothing, when it has no room left for it. */
        boolean take(byte[] line);
    }

    public final int samples;
    public final SpoolPosition end;

    SpoolRead(int samples, SpoolPosition end) {
        this.samples = samples;
        this.end = end;
    }
}
