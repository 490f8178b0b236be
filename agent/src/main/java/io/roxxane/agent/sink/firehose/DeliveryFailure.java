package io.roxxane.agent.sink.firehose;

/**
 * Why a PutRecordBatch call failed as a whole, in the shipper's terms: whether retrying soon can
 * help, a key for rate-limited logging, a short text for the statistics and one line for the
 * user naming the cause and the fix. Never holds credentials.
 */
public final class DeliveryFailure {
    /** How the sender reacts. */
    enum Kind {
        /** Throttling, 5xx, timeouts, network: retry with capped exponential backoff. */
        RETRYABLE,
        /** Stream missing, access denied, invalid argument, no credentials or region: retry slowly. */
        NOT_NOW
    }

    private final Kind kind;
    private final String logKey;
    private final String shortError;
    private final String userMessage;

    DeliveryFailure(Kind kind, String logKey, String shortError, String userMessage) {
        this.kind = kind;
        this.logKey = logKey;
        this.shortError = SecretRedactor.redact(shortError);
        this.userMessage = SecretRedactor.redact(userMessage);
    }

    Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.RETRYABLE;
    }

    /** Key for {@link io.roxxane.agent.log.AgentLog#warnLimited}: one per distinct problem. */
    String logKey() {
        return logKey;
    }

    /** E.g. {@code ServiceUnavailableException (HTTP 400)}: for AgentStats' last error. */
    public String shortError() {
        return shortError;
    }

    /** One line naming the cause and the fix. */
    public String userMessage() {
        return userMessage;
    }

    @Override
    public String toString() {
        return kind + " " + shortError;
    }
}
