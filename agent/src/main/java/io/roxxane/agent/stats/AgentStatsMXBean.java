package io.roxxane.agent.stats;

/**
 * The agent's running totals as the {@code io.roxxane:type=Agent} MXBean, for JConsole, JMX
 * exporters and the like. Read-only; the same numbers travel in every sample's {@code agent_*}
 * columns.
 */
public interface AgentStatsMXBean {
    /** Samples taken since the agent started. */
    long getSamplesCollected();

    /** Samples that will never be delivered (buffer full, spool full, not delivered at shutdown). */
    long getDroppedSamples();

    /** Records delivered (for Firehose: records Firehose took, each holding many samples). */
    long getSentRecords();

    /** Bytes delivered. */
    long getSentBytes();

    /** Delivery attempts that repeated an earlier failed one. */
    long getRetries();

    /** Delivery attempts that failed, as a whole or in part. */
    long getFailures();

    /** The last delivery error (one line, no credentials), empty if none yet. */
    String getLastError();

    /** Epoch ms of the last delivery error, 0 if none yet. */
    long getLastErrorMillis();

    /** Epoch ms of the last successful delivery, 0 if none yet. */
    long getLastSuccessMillis();
}
