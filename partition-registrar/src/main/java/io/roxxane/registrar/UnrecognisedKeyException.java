package io.roxxane.registrar;

/** An object key that is not a Roxxane partition file; the message says why. Never fails an invocation. */
public final class UnrecognisedKeyException extends IllegalArgumentException {
    public UnrecognisedKeyException(String message) {
        super(message);
    }
}
