package io.roxxane.provisioner.resources;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** How long to wait for a resource to reach a state: polls backing off from 250 ms up to {@code longestPause}. */
record Waiting(Duration timeout, Duration longestPause) {
    private static final long FIRST_PAUSE_MS = 250;

    /** Returns once {@code reached}; fails with "{@code label} not {@code state} after N min" when the time is up. */
    void until(String label, String state, BooleanSupplier reached) {
        long end = System.nanoTime() + timeout.toNanos();
        long pauseMs = FIRST_PAUSE_MS;
        while (!reached.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(label + " not " + state + " after " + timeout.toMinutes() + " min");
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pauseMs = Math.min(longestPause.toMillis(), pauseMs * 2);
        }
    }
}
