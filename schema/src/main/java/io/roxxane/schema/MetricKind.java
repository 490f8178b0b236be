package io.roxxane.schema;

/** How a column's value relates to time. */
public enum MetricKind {
    /** Names the sample: who, where, when. */
    IDENTITY,
    /** A value at the sample's time. */
    GAUGE,
    /** The change over the sample's interval (a counter's delta); summing deltas gives totals. */
    DELTA,
    /** A running total since the agent started. */
    CUMULATIVE
}
