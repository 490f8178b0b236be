package io.roxxane.provisioner.cli;

import io.roxxane.provisioner.config.Setting;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code java -jar provisioner.jar [plan|apply|destroy|status] [--setting value ...]}; apply is the default. */
@Command(name = "provisioner", mixinStandardHelpOptions = true, version = "roxxane provisioner 0.1.0",
        description = {"Creates, updates and tears down the AWS side of Roxxane: S3 bucket, IAM roles, transform and "
                + "partition registrar Lambdas, Glue database and table, log group and the Firehose stream.",
                "Without a command: apply.",
                "Settings: flag > ROXXANE_<KEY> or <KEY> environment variable > --config file (or ./.env) > default "
                + "derived from --stack-name."},
        subcommands = {ProvisionerCli.Plan.class, ProvisionerCli.Apply.class, ProvisionerCli.Destroy.class,
                ProvisionerCli.Status.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; plan/status: nothing to change", "1:an AWS call or a resource failed, or a name is taken",
                "2:plan --detailed-exitcode: changes pending; status: missing, drifted or failed resources",
                "64:bad command line or settings; nothing was called"})
public final class ProvisionerCli implements Callable<Integer> {
    private final Map<String, String> environment;
    private final PrintStream out;

    @Spec
    private CommandSpec spec;

    private static final String CONFIG_DESCRIPTION = "Properties or .env file with settings (default: ./.env if present)";

    @Option(names = "--config", paramLabel = "FILE", description = CONFIG_DESCRIPTION)
    private String config;

    ProvisionerCli(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command line with this environment; returns the exit code. Used by main and by tests in-process. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new ProvisionerCli(environment, out));
        addSettingOptions(commandLine);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            err.println("error: " + exception);
            return ExitCodes.FAILED;
        });
        return commandLine.execute(args);
    }

    /** One option per {@link Setting}, on every command, so that the settings table has one source. */
    private static void addSettingOptions(CommandLine commandLine) {
        CommandSpec spec = commandLine.getCommandSpec();
        spec.exitCodeOnInvalidInput(ExitCodes.USAGE);
        spec.exitCodeOnExecutionException(ExitCodes.FAILED);
        for (Setting setting : Setting.values()) {
            spec.addOption(OptionSpec.builder(setting.flag()).paramLabel(setting.key()).type(String.class)
                    // Defaults read ${STACK_NAME}-...: text, not picocli variables, hence $${ (picocli's escape).
                    .description((setting.description() + " (env " + setting.key() + "; default: "
                            + (setting.defaultDescription().isEmpty() ? "none" : setting.defaultDescription()) + ")")
                            .replace("${", "$${"))
                    .build());
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            addSettingOptions(sub);
        }
    }

    @Override
    public Integer call() {
        return runner().run(spec, config, CommandRunner.Kind.APPLY, false, false);
    }

    CommandRunner runner() {
        return new CommandRunner(environment, out);
    }

    /** What the commands share: the command line above them, their own spec and {@code --config}. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        ProvisionerCli parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = CONFIG_DESCRIPTION)
        String config;

        int run(CommandRunner.Kind kind, boolean deleteData, boolean detailedExitCode) {
            return parent.runner().run(spec, config, kind, deleteData, detailedExitCode);
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, description = "Show what apply would change; change nothing.")
    static final class Plan extends Subcommand {
        @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes (0 when none)")
        boolean detailedExitCode;

        @Override
        public Integer call() {
            return run(CommandRunner.Kind.PLAN, false, detailedExitCode);
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Create or update every resource in dependency order; print the -javaagent line to use.")
    static final class Apply extends Subcommand {
        @Override
        public Integer call() {
            return run(CommandRunner.Kind.APPLY, false, false);
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = "Delete what carries this stack's tag, dependents first. A bucket holding data is kept unless --delete-data.")
    static final class Destroy extends Subcommand {
        @Option(names = "--delete-data", description = "Also delete every object in the bucket, then the bucket")
        boolean deleteData;

        @Override
        public Integer call() {
            return run(CommandRunner.Kind.DESTROY, deleteData, false);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "For each resource: exists and matches, missing, or drifted (and how). Exit 2 unless all match.")
    static final class Status extends Subcommand {
        @Override
        public Integer call() {
            return run(CommandRunner.Kind.STATUS, false, false);
        }
    }
}
