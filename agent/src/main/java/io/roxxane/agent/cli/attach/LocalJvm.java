package io.roxxane.agent.cli.attach;

/** A JVM on this machine: its pid and the main class or jar it runs. */
public final class LocalJvm {
    private final long pid;
    private final String main;

    public LocalJvm(long pid, String main) {
        this.pid = pid;
        this.main = main;
    }

    public long pid() {
        return pid;
    }

    public String main() {
        return main;
    }
}
