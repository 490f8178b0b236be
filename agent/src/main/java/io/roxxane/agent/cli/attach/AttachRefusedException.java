package io.roxxane.agent.cli.attach;

/** Why an attach did not happen: one line for the user, and the command's exit code. */
public final class AttachRefusedException extends Exception {
    /** Exit code for a problem found with the target or this Java. */
    public static final int PROBLEM = 1;
    /** Exit code for bad command-line input. */
    public static final int USAGE = 2;
    /** Exit code for a broken installation. */
    public static final int INTERNAL = 70;

    private final int exitCode;

    public AttachRefusedException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
