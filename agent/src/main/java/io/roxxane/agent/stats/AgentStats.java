package io.roxxane.agent.stats;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Running totals of what the agent did, shared by the collector loop and the sinks. Every
 * sample carries them (the {@code agent_*} columns), and the {@code io.roxxane:type=Agent}
 * MXBean shows them. Thread-safe; never blocks.
 */
public final class AgentStats {
    private final AtomicLong samplesCollected = new AtomicLong();
    private final AtomicLong droppedSamples = new AtomicLong();
    private final AtomicLong sentRecords = new AtomicLong();
    private final AtomicLong sentBytes = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong lastSuccessMillis = new AtomicLong();
    private final AtomicLong spoolFailedWrites = new AtomicLong();
    private final AtomicLong spoolDamaged = new AtomicLong();
    private final AtomicLong spoolRecovered = new AtomicLong();
    private volatile String lastError = "";
    private volatile long lastErrorMillis;

    public void sampleCollected() {
        samplesCollected.incrementAndGet();
    }

    /** Samples that will never be delivered (buffer full, spool full, sink broken). */
    public void samplesDropped(long count) {
        droppedSamples.addAndGet(count);
    }

    /** A delivery that succeeded: {@code records} records holding {@code bytes} bytes. */
    public void delivered(long records, long bytes, long nowMillis) {
        sentRecords.addAndGet(records);
        sentBytes.addAndGet(bytes);
        lastSuccessMillis.set(nowMillis);
    }

    /** A sample the spool could not write (a full disk): kept in memory instead. */
    public void spoolWriteFailed() {
        spoolFailedWrites.incrementAndGet();
    }

    /** Damaged stretches of spool files skipped. */
    public void spoolDamaged(long regions) {
        spoolDamaged.addAndGet(regions);
    }

    /** Samples taken over from spools that stopped agents left. */
    public void spoolRecovered(long samples) {
        spoolRecovered.addAndGet(samples);
    }

    public long spoolFailedWrites() {
        return spoolFailedWrites.get();
    }

    public long spoolDamaged() {
        return spoolDamaged.get();
    }

    public long spoolRecovered() {
        return spoolRecovered.get();
    }

    public void retried() {
        retries.incrementAndGet();
    }

    /** A failed delivery attempt; {@code error} is one line without credentials. */
    public void failed(String error, long nowMillis) {
        failures.incrementAndGet();
        lastError = error == null ? "" : error;
        lastErrorMillis = nowMillis;
    }

    public long samplesCollected() {
        return samplesCollected.get();
    }

    public long droppedSamples() {
        return droppedSamples.get();
    }

    public long sentRecords() {
        return sentRecords.get();
    }

    public long sentBytes() {
        return sentBytes.get();
    }

    public long retries() {
        return retries.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Epoch ms of the last successful delivery, 0 if none yet. */
    public long lastSuccessMillis() {
        return lastSuccessMillis.get();
    }

    /** The last delivery error, empty if none yet. */
    public String lastError() {
        return lastError;
    }

    /** Epoch ms of the last delivery error, 0 if none yet. */
    public long lastErrorMillis() {
        return lastErrorMillis;
    }
}
