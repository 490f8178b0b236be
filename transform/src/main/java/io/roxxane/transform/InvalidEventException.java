package io.roxxane.transform;

/**
 * The invocation's event as a whole is not a Firehose transformation event; no record can be
 * answered. The message says what was wrong and what is expected.
 */
public final class InvalidEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    static final String EXPECTED = "expected a Firehose transformation event: a JSON object with a 'records' array of"
            + " {\"recordId\": string, \"approximateArrivalTimestamp\": epoch ms, \"data\": base64 string}";

    InvalidEventException(String problem) {
        super(problem + "; " + EXPECTED);
    }

    InvalidEventException(String problem, Throwable cause) {
        super(problem + "; " + EXPECTED, cause);
    }
}
