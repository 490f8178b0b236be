package io.roxxane.transform;

/**
 * Thrown when a record's data, which {@link FastEventReader} took from the event without checking
 * every byte, turns out not to be plain base64: the event must then be read again by Jackson's
 * pass, which decides whether it is valid JSON at all. Never leaves the handler.
 */
final class UnverifiedEventData extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnverifiedEventData() {
        super("a record's data needs the full JSON check", null, false, false);
    }
}
