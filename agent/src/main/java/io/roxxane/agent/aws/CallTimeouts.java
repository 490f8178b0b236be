package io.roxxane.agent.aws;

/** How long one AWS call may take: one HTTP attempt, and the whole call with credentials and signing. */
public final class CallTimeouts {
    private final long attemptMillis;
    private final long callMillis;

    public CallTimeouts(long attemptMillis, long callMillis) {
        if (attemptMillis <= 0 || callMillis < attemptMillis) {
            throw new IllegalArgumentException("need 0 < attempt <= call, got attempt=" + attemptMillis
                    + " call=" + callMillis);
        }
        this.attemptMillis = attemptMillis;
        this.callMillis = callMillis;
    }

    /** One HTTP attempt: connect, request and response. */
    public long attemptMillis() {
        return attemptMillis;
    }

    /** One API call, credentials and signing included. */
    public long callMillis() {
        return callMillis;
    }
}
