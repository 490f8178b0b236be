package io.roxxane.transform;

/** What the scan of one valid sample found out; offsets are into the scanned bytes. */
final class ScannedSample {
    /** Index of the object's opening brace. */
    int start;
    /** Index of the object's closing brace. */
    int end;
    /** Whether {@code ts} was present and not null; {@link #ts} is then its value. */
    boolean hasTs;
    long ts;
    /** The service as sent; null when missing or null. */
    String service;
    /** Whether the sample carries its own {@code arrival_ts} key, which the transform replaces. */
    boolean hasArrivalTs;
    /** Whether no line break occurs between the braces (outside strings, where JSON forbids them anyway). */
    boolean singleLine;

    /** Whether the sample can be copied as is, with {@code arrival_ts} appended before its closing brace. */
    boolean canAppend() {
        return singleLine && hasTs && !hasArrivalTs;
    }
}
