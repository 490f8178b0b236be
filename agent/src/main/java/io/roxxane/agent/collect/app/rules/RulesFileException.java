package io.roxxane.agent.collect.app.rules;

/** What is wrong with a {@code jmx_config} file, in one line without the file's name (the caller adds it). */
public final class RulesFileException extends Exception {
    public RulesFileException(String message) {
        super(message);
    }
}
