package io.roxxane.agent.hostsafety;

import java.util.List;
import java.util.stream.Collectors;

/** What a host application run produced. */
final class HostResult {
    final int exitCode;
    final List<String> stdout;
    final List<String> stderr;
    /** The line that released the host (stdin "go"), or null if it was released on the timeout. */
    final String releasedBy;
    /** Milliseconds from the host's "host: exiting" line to the end of the process. */
    final long exitDelayMillis;
    final String description;

    HostResult(int exitCode, List<String> stdout, List<String> stderr, String releasedBy, long exitDelayMillis,
            String description) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.releasedBy = releasedBy;
        this.exitDelayMillis = exitDelayMillis;
        this.description = description;
    }

    /** The agent's lines ({@code [roxxane] ...}) on stderr. */
    List<String> agentLines() {
        return stderr.stream().filter(l -> l.startsWith("[roxxane]")).collect(Collectors.toList());
    }

    /** The agent's samples on stderr ({@code sink=log}). */
    List<String> samples() {
        return stderr.stream().filter(l -> l.startsWith("[roxxane] sample {")).collect(Collectors.toList());
    }

    /** Stderr without the agent's lines: what the host and its JVM printed. */
    List<String> hostStderr() {
        return stderr.stream().filter(l -> !l.startsWith("[roxxane]")).collect(Collectors.toList());
    }

    /** Stdout without the thread listing (which differs by the agent's threads). */
    List<String> hostStdoutWithoutThreads() {
        return stdout.stream().filter(l -> !l.startsWith("thread: ")).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return description;
    }
}
