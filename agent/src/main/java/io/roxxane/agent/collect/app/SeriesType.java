package io.roxxane.agent.collect.app;

/** How a series' value relates to time, as its {@code type} field in {@code app_metrics} names it. */
public enum SeriesType {
    /** A running total: the row carries its increase over the interval. */
    COUNTER("counter"),
    /** A value at the sample. */
    GAUGE("gauge"),
    /** A value at the sample, of a kind the source did not say (jmx_exporter's UNTYPED). */
    UNTYPED("untyped");

    private final String text;

    SeriesType(String text) {
        this.text = text;
    }

    /** The {@code type} field's value. */
    public String text() {
        return text;
    }
}
