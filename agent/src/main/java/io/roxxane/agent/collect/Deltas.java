package io.roxxane.agent.collect;

/**
 * Turns a running counter into per-interval deltas. The first reading gives no delta; a counter
 * that goes backwards (a reset, a removed device) gives no delta for that interval.
 */
public final class Deltas {
    private long previous = -1;

    /** The increase since the last call, or -1 when there is none to report. */
    public long next(long current) {
        long last = previous;
        previous = current;
        if (last < 0 || current < last) {
            return -1;
        }
        return current - last;
    }
}
