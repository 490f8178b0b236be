package io.roxxane.provisioner.engine;

/** What apply does to one resource. */
public enum Action {
    CREATE("+", "create", "created"),
    UPDATE("~", "update", "updated"),
    REPLACE("!", "replace", "replaced"),
    NONE("=", "no change", "unchanged"),
    /** It exists but does not carry this stack's tag: never adopted, never changed. */
    CONFLICT("x", "conflict", "conflict");

    private final String symbol;
    private final String verb;
    private final String done;

    Action(String symbol, String verb, String done) {
        this.symbol = symbol;
        this.verb = verb;
        this.done = done;
    }

    /** The verb in the past tense, for apply's progress lines. */
    public String done() {
        return done;
    }

    public String symbol() {
        return symbol;
    }

    public String verb() {
        return verb;
    }

    public boolean changes() {
        return this == CREATE || this == UPDATE || this == REPLACE;
    }
}
