package io.roxxane.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar roxxane.jar <command>}: list local JVMs, attach to one, check a Firehose
 * configuration, summarise a local data directory. Exit codes: 0 success, 1 the command ran and
 * found a problem, 2 usage error, 70 internal error.
 */
@Command(name = "roxxane.jar", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "Roxxane: host and JVM metrics from any Java service into Firehose or local files.",
        subcommands = {ListCommand.class, AttachCommand.class, CheckCommand.class, DemoCommand.class,
            SummaryCommand.class, DemoWorkloadCommand.class})
public final class RoxxaneCli implements Runnable {

    /** Entry point called by the bootstrap's main; returns the process exit code. */
    public static int run(String[] args) {
        CommandLine commandLine = new CommandLine(new RoxxaneCli());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
