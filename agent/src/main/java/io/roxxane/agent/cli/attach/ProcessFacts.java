package io.roxxane.agent.cli.attach;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the operating system tells about one process, as far as it can be read. {@code null}
 * fields (and {@link Boolean} answers) mean "could not be found out here", never "no".
 */
public final class ProcessFacts {
    private final long pid;
    private final Boolean exists;
    private final Integer ownerUid;
    private final String ownerName;
    private final Boolean javaVm;
    private final Boolean handlesQuitSignal;
    private final String name;
    private final String executable;
    private final List<String> commandLine;
    private final Map<String, String> environment;

    public ProcessFacts(long pid, Boolean exists, Integer ownerUid, String ownerName, Boolean javaVm,
            Boolean handlesQuitSignal, String name, String executable, List<String> commandLine,
            Map<String, String> environment) {
        this.pid = pid;
        this.exists = exists;
        this.ownerUid = ownerUid;
        this.ownerName = ownerName;
        this.javaVm = javaVm;
        this.handlesQuitSignal = handlesQuitSignal;
        this.name = name;
        this.executable = executable;
        this.commandLine = commandLine == null ? Collections.<String>emptyList() : commandLine;
        this.environment = environment == null ? Collections.<String, String>emptyMap() : environment;
    }

    public long pid() {
        return pid;
    }

    /** TRUE, FALSE, or null when this platform cannot tell. */
    public Boolean exists() {
        return exists;
    }

    /** Numeric user id of the owner, or null. */
    public Integer ownerUid() {
        return ownerUid;
    }

    /** User name of the owner, or null. */
    public String ownerName() {
        return ownerName;
    }

    /** TRUE when a JVM library is mapped, FALSE when none is, null when it cannot be read. */
    public Boolean javaVm() {
        return javaVm;
    }

    /**
     * Whether the process catches SIGQUIT, which HotSpot's attach sends to start its listener: a
     * process that does not (not a JVM, or a JVM started with {@code -Xrs}) would be killed by it.
     * Anyone may read this ({@code SigCgt} in {@code /proc/PID/status}); null when unknown.
     */
    public Boolean handlesQuitSignal() {
        return handlesQuitSignal;
    }

    /** The executable's short name (e.g. {@code bash}), or null. */
    public String name() {
        return name;
    }

    /** Absolute path of the program the process runs, or null. */
    public String executable() {
        return executable;
    }

    /** The command line, empty when unknown. */
    public List<String> commandLine() {
        return commandLine;
    }

    /** The environment the process started with, empty when unknown. */
    public Map<String, String> environment() {
        return environment;
    }
}
