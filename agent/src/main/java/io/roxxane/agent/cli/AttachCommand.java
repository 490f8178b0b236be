package io.roxxane.agent.cli;

import io.roxxane.agent.cli.attach.AgentJar;
import io.roxxane.agent.cli.attach.AttachApi;
import io.roxxane.agent.cli.attach.AttachRefusedException;
import io.roxxane.agent.cli.attach.Attacher;
import io.roxxane.agent.cli.attach.PerfDataScanner;
import io.roxxane.agent.cli.attach.ProcessInspector;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attach PID [k=v,...]}: loads this roxxane.jar into a running JVM. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Attaches the agent to a running JVM of your user, with the same settings as -javaagent.",
            "Exit codes: 0 attached (or already running), 1 cannot attach, 2 bad arguments."})
final class AttachCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "Process id of the JVM (see 'list').")
    String pid;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SETTINGS",
            description = "Agent settings, e.g. sink=file,dir=/var/tmp/roxxane,interval=10s.")
    List<String> settings;

    @Override
    public Integer call() {
        Attacher attacher = new Attacher(new ProcessInspector(), AttachApi.find(), new PerfDataScanner(),
                AgentJar.locate());
        try {
            Attacher.Result result = attacher.attach(pid, agentArguments());
            // Attached: the news, on stdout. Already running: a no-op, one line on stderr.
            java.io.PrintWriter out = result.attached() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            out.println(result.message());
            out.flush();
            return 0;
        } catch (AttachRefusedException e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return e.exitCode();
        }
    }

    /** The settings as one agent-argument string; words given separately are joined with commas. */
    private String agentArguments() {
        if (settings == null || settings.isEmpty()) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (String part : settings) {
            if (joined.length() > 0) {
                joined.append(',');
            }
            joined.append(part);
        }
        return joined.toString();
    }
}
