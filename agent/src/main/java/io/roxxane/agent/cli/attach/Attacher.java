package io.roxxane.agent.cli.attach;

import io.roxxane.agent.identity.ProcessId;

import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.config.ConfigResolver;
import io.roxxane.agent.log.AgentLog;
import java.io.File;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Attaches roxxane.jar to a running JVM after checking, in order, everything that can be checked
 * without touching the target: the arguments, that the pid is another process of this user that
 * runs a JVM accepting attach, and that this Java can attach. Each refusal is one line saying
 * what to do instead.
 */
public final class Attacher {
    /** System property the bootstrap sets in a JVM where the agent has started. */
    static final String STARTED_MARKER = "io.roxxane.agent.started";
    private static final String LIST_HINT = "run 'java -jar roxxane.jar list' to see the JVMs you can attach to";

    private final ProcessInspector processes;
    private final AttachApi attachApi;
    private final PerfDataScanner perfData;
    private final File agentJar;

    public Attacher(ProcessInspector processes, AttachApi attachApi, PerfDataScanner perfData, File agentJar) {
        this.processes = processes;
        this.attachApi = attachApi;
        this.perfData = perfData;
        this.agentJar = agentJar;
    }

    /** The outcome of an attach that was not refused. */
    public static final class Result {
        private final boolean attached;
        private final String message;

        Result(boolean attached, String message) {
            this.attached = attached;
            this.message = message;
        }

        /** False when the agent was already running in the target, so nothing was done. */
        public boolean attached() {
            return attached;
        }

        public String message() {
            return message;
        }
    }

    public Result attach(String pidText, String agentArgs) throws AttachRefusedException {
        validate(agentArgs, new Properties(), Collections.<String, String>emptyMap(), "");
        long pid = parsePid(pidText);
        if (pid == ProcessId.current()) {
            throw problem("pid " + pid + " is this command's own JVM: give the pid of the JVM to attach to; "
                    + LIST_HINT);
        }
        ProcessFacts facts = processes.inspect(pid);
        checkProcess(facts);
        if (attachApi == null) {
            throw problem("this Java (" + System.getProperty("java.home") + ") has no attach support (module jdk.attach"
                    + " is missing): run the command with a JDK's java, e.g. " + javaHint(facts)
                    + " -jar " + jarName() + " attach " + pid);
        }
        checkAttachEnabled(facts);
        if (agentJar == null) {
            throw new AttachRefusedException("cannot find roxxane.jar: run the command as 'java -jar roxxane.jar attach "
                    + pid + "'", AttachRefusedException.INTERNAL);
        }
        Properties targetProperties = targetProperties(pid);
        String startedBy = targetProperties.getProperty(STARTED_MARKER);
        if (startedBy != null) {
            return new Result(false, "roxxane is already running in JVM " + pid + " (started by " + startedBy
                    + "); nothing attached");
        }
        AgentConfig config = validate(agentArgs, targetProperties, facts.environment(),
                " together with JVM " + pid + "'s own settings");
        try {
            attachApi.loadAgent(agentJar, pid, agentArgs == null ? "" : agentArgs);
        } catch (Throwable t) {
            throw problem("attaching to JVM " + pid + " failed: " + AgentLog.describe(t));
        }
        return new Result(true, "roxxane attached to JVM " + pid + " (" + mainOf(facts) + "), sink=" + sinkOf(config)
                + "; its messages go to that JVM's standard error");
    }

    private static AgentConfig validate(String agentArgs, Properties properties, Map<String, String> env,
            String context) throws AttachRefusedException {
        try {
            return ConfigResolver.resolve(agentArgs, properties, env);
        } catch (ConfigException e) {
            throw new AttachRefusedException(e.getMessage().replace("; the agent stays off", "") + context
                    + "; nothing attached", AttachRefusedException.USAGE);
        }
    }

    private static long parsePid(String pidText) throws AttachRefusedException {
        try {
            long pid = Long.parseLong(pidText.trim());
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new AttachRefusedException("invalid PID '" + pidText + "': expected a process id, a positive number; "
                + LIST_HINT, AttachRefusedException.USAGE);
    }

    private void checkProcess(ProcessFacts facts) throws AttachRefusedException {
        long pid = facts.pid();
        if (Boolean.FALSE.equals(facts.exists())) {
            throw problem("no process with pid " + pid + ": " + LIST_HINT);
        }
        Integer me = processes.currentUid();
        if (me != null && me != 0 && facts.ownerUid() != null && !me.equals(facts.ownerUid())) {
            String owner = facts.ownerName() != null ? facts.ownerName() : "uid " + facts.ownerUid();
            throw problem("process " + pid + " belongs to user " + owner + " and you are "
                    + System.getProperty("user.name") + ": run the command as that user, e.g. sudo -u " + owner
                    + " java -jar " + jarName() + " attach " + pid);
        }
        String named = pid + (facts.name() != null ? " (" + facts.name() + ")" : "");
        if (Boolean.FALSE.equals(facts.javaVm())) {
            throw problem("process " + named + " is not a Java virtual machine: " + LIST_HINT);
        }
        if (Boolean.FALSE.equals(facts.handlesQuitSignal())) {
            throw problem("process " + named + " does not handle SIGQUIT, so it is not a JVM that accepts attach (or"
                    + " it runs with -Xrs): the attach signal would end it; " + LIST_HINT);
        }
    }

    private void checkAttachEnabled(ProcessFacts facts) throws AttachRefusedException {
        long pid = facts.pid();
        boolean disabled = JavaCommandLine.disablesAttach(facts.commandLine(), facts.environment());
        if (!disabled && perfData.hasFileFor(pid)) {
            // The attach API lists every JVM with a performance-data file that accepts attach.
            disabled = !listed(pid);
        }
        if (disabled) {
            throw problem("JVM " + pid + " runs with -XX:+DisableAttachMechanism and accepts no attach: start it with"
                    + " -javaagent:" + (agentJar != null ? agentJar.getPath() : "roxxane.jar") + "=k=v,... instead");
        }
    }

    private boolean listed(long pid) {
        try {
            for (LocalJvm jvm : attachApi.list()) {
                if (jvm.pid() == pid) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return true; // cannot tell: let the attach itself decide
        }
    }

    private Properties targetProperties(long pid) throws AttachRefusedException {
        try {
            return attachApi.systemProperties(pid);
        } catch (Throwable t) {
            throw problem("cannot attach to JVM " + pid + ": " + AgentLog.describe(t)
                    + "; check that it is a running JVM of your user (" + LIST_HINT + ")");
        }
    }

    private static String mainOf(ProcessFacts facts) {
        List<String> commandLine = facts.commandLine();
        return commandLine.isEmpty() ? "?" : JavaCommandLine.mainOf(commandLine);
    }

    private static String sinkOf(AgentConfig config) {
        switch (config.sink()) {
            case FIREHOSE:
                return "firehose, stream=" + config.stream();
            case LOG:
                return "log";
            default:
                return "file, dir=" + config.dir().getPath();
        }
    }

    private static String javaHint(ProcessFacts facts) {
        if (facts.executable() != null && facts.executable().endsWith("java")) {
            return facts.executable(); // the target's own java usually comes with a JDK
        }
        return "$JAVA_HOME/bin/java";
    }

    private String jarName() {
        return agentJar != null ? agentJar.getPath() : "roxxane.jar";
    }

    private static AttachRefusedException problem(String message) {
        return new AttachRefusedException(message, AttachRefusedException.PROBLEM);
    }
}
