package io.roxxane.agent.config;

/** The kinds of sink the {@code sink} setting names. */
public enum SinkType {
    /** Gzip JSON lines under the schema's partition layout in a local directory (the default). */
    FILE,
    /** Amazon Data Firehose. */
    FIREHOSE,
    /** Each sample as one line on stderr, for trying the agent out. */
    LOG
}
