package io.roxxane.agent.collect.host.container;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.File;

/** What the cgroup collectors share: opening a cgroup's file if it has it, units, deltas. */
final class Cgroups {
    private Cgroups() {
    }

    /**
     * The cgroup file {@code name} in {@code directory}, read through a {@link ProcFile}; null if
     * there is no such directory or file. Checked once, when a collector starts: a cgroup's set of
     * files does not change while it lives, and reading a missing file each sample would cost an
     * exception each time.
     */
    static ProcFile file(File directory, String name) {
        if (directory == null) {
            return null;
        }
        File file = new File(directory, name);
        return file.isFile() ? new ProcFile(file.getPath(), 512) : null;
    }

    /** A running total in units of {@code unitNanos} nanoseconds, as whole milliseconds. */
    static long millis(long units, long unitNanos) {
        return unitNanos == 1 ? units / 1_000_000L : units / (1_000_000L / unitNanos);
    }

    /** Sets a delta column when there is a delta (not on the first sample, not after a reset). */
    static void setDelta(Sample sample, Column column, long delta) {
        if (delta >= 0) {
            sample.set(column, delta);
        }
    }

    /** Sets a gauge column when the figure is known. */
    static void setGauge(Sample sample, Column column, long value) {
        if (value >= 0) {
            sample.set(column, value);
        }
    }
}
