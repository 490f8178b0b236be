package io.roxxane.agent.collect;

/**
 * When something a collector reads only now and then (a device list, a limit, the boot time, a
 * deadlock check) is due again: at the first ask, then once the interval has passed since it was
 * last due. It runs on the monotonic clock, so a step of the wall clock never makes it due early
 * or late. Used on the collector thread only.
 */
public final class Every {
    private final long intervalNanos;
    private long dueAtNanos;
    private boolean started;

    private Every(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** Due at the first ask, then every {@code millis}. */
    public static Every millis(long millis) {
        return new Every(millis * 1_000_000L);
    }

    /** Counts the first interval from now: for what was read once at start. */
    public Every fromNow() {
        started = true;
        dueAtNanos = System.nanoTime();
        return this;
    }

    /** True at the first ask and when the interval has passed since the last true; then counts again. */
    public boolean due() {
        long now = System.nanoTime();
        if (started && now - dueAtNanos < intervalNanos) {
            return false;
        }
        started = true;
        dueAtNanos = now;
        return true;
    }
}
