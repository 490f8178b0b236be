package io.roxxane.provisioner.cli;

/** Exit codes scripts can rely on. */
public final class ExitCodes {
    /** Done; for plan and status: nothing to change. */
    public static final int OK = 0;
    /** An AWS call or a resource failed, or a resource exists that the stack does not own. */
    public static final int FAILED = 1;
    /** plan --detailed-exitcode: there are changes; status: something is missing or drifted. */
    public static final int CHANGES = 2;
    /** Bad command line or settings (EX_USAGE); nothing was called. */
    public static final int USAGE = 64;

    private ExitCodes() {
    }
}
