package io.roxxane.transform;

/** Signals, without a stack trace, that one sample cannot be transformed and why. */
final class RejectedSample extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedSample(String reason) {
        super(reason, null, false, false);
    }
}
