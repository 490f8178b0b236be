package io.roxxane.agent.sink;

import io.roxxane.agent.sample.EncodedSample;

/**
 * Where samples go. The collector thread calls {@link #accept} once per sample and
 * {@link #tick} after it; neither may block on I/O for long or throw. A sink that does network
 * work does it on its own daemon thread and bounds its memory itself, counting what it drops in
 * {@link io.roxxane.agent.stats.AgentStats}.
 */
public interface Sink {
    /** Takes one sample. Returns at once; never throws. */
    void accept(EncodedSample sample);

    /**
     * Periodic call (after each sample) for time-based work such as rolling files. Never throws.
     * Nothing to do for a sink that keeps no time of its own.
     */
    default void tick(long nowMillis) {
    }

    /**
     * Delivers or persists what is buffered, waiting at most until {@code deadlineNanos}
     * ({@link System#nanoTime()} clock), then releases every resource. Called once, at shutdown.
     * Never throws.
     */
    void close(long deadlineNanos);
}
