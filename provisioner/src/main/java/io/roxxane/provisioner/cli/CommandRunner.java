package io.roxxane.provisioner.cli;

import io.roxxane.provisioner.aws.AwsClients;
import io.roxxane.provisioner.aws.IamPropagation;
import io.roxxane.provisioner.aws.RegionResolver;
import io.roxxane.provisioner.aws.StackIdentity;
import io.roxxane.provisioner.config.ConfigException;
import io.roxxane.provisioner.config.Settings;
import io.roxxane.provisioner.config.SettingsResolver;
import io.roxxane.provisioner.engine.Action;
import io.roxxane.provisioner.engine.GraphRunner;
import io.roxxane.provisioner.engine.Operations;
import io.roxxane.provisioner.engine.Progress;
import io.roxxane.provisioner.engine.Resource;
import io.roxxane.provisioner.resources.StackContext;
import io.roxxane.provisioner.stack.StackLayout;
import io.roxxane.provisioner.stack.StackResources;
import io.roxxane.provisioner.stack.StateFile;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.exception.SdkException;

/** Resolves settings, connects, runs one command over the stack and turns the result into an exit code. */
final class CommandRunner {
    static final int PARALLELISM = 4;

    enum Kind { PLAN, APPLY, DESTROY, STATUS }

    private final Map<String, String> environment;
    private final PrintStream out;

    CommandRunner(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    int run(CommandSpec spec, String configOption, Kind kind, boolean deleteData, boolean detailedExitCode) {
        Settings settings;
        try {
            settings = CommandLineSettings.resolve(spec, configOption, environment, kind != Kind.DESTROY);
        } catch (ConfigException e) {
            return configErrors(e.problems());
        }
        printGiven(settings);
        Progress progress = new Progress(out);
        try {
            RegionResolver.resolve(settings);
        } catch (ConfigException e) {
            return configErrors(e.problems());
        }
        try (AwsClients clients = AwsClients.create(settings)) {
            StackIdentity identity = StackIdentity.of(clients.sts().getCallerIdentity(), clients.region().id());
            StackLayout layout = StackLayout.of(settings, identity);
            if (settings.bucketName().isEmpty()) {
                List<String> problems = SettingsResolver.bucketNameProblems(layout.bucketName());
                if (!problems.isEmpty()) {
                    return configErrors(problems.stream().map(problem -> "derived " + problem + "; set BUCKET_NAME").toList());
                }
            }
            StackContext context = new StackContext(layout, clients, new IamPropagation(settings.iamPropagationTimeout()));
            List<Resource<?>> resources = StackResources.of(context);
            Operations operations = new Operations(resources, settings.stackName(), progress, PARALLELISM);
            progress.line(kind.name().toLowerCase(java.util.Locale.ROOT) + " stack " + settings.stackName() + " in account "
                    + identity.accountId() + ", region " + identity.region()
                    + settings.endpointUrl().map(uri -> ", endpoint " + uri).orElse(""));
            return switch (kind) {
                case PLAN -> plan(operations, detailedExitCode);
                case STATUS -> status(operations);
                case APPLY -> apply(operations, progress, settings, layout, resources);
                case DESTROY -> destroy(operations, progress, settings, deleteData);
            };
        } catch (SdkException e) {
            out.println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** Prints each problem as a configuration error; the exit code for them. */
    private int configErrors(List<String> problems) {
        problems.forEach(problem -> out.println("config error: " + problem));
        return ExitCodes.USAGE;
    }

    private int plan(Operations operations, boolean detailedExitCode) {
        Operations.Report report = operations.plan();
        Map<Action, Integer> counts = report.counts();
        out.println("Plan: " + counts.get(Action.CREATE) + " to create, " + counts.get(Action.UPDATE) + " to update, "
                + counts.get(Action.REPLACE) + " to replace, " + counts.get(Action.NONE) + " unchanged, "
                + counts.get(Action.CONFLICT) + " conflicts.");
        if (report.failed() || report.hasConflicts()) {
            return ExitCodes.FAILED;
        }
        return detailedExitCode && report.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }

    private int status(Operations operations) {
        Operations.Report report = operations.status();
        if (report.failed() || report.hasConflicts()) {
            return ExitCodes.FAILED;
        }
        long off = report.changes().stream().filter(change -> change.action() != Action.NONE).count();
        out.println(off == 0 ? "Status: all " + report.changes().size() + " resources exist and match."
                : "Status: " + off + " of " + report.changes().size() + " resources missing, drifted or failed; apply repairs them.");
        return off == 0 ? ExitCodes.OK : ExitCodes.CHANGES;
    }

    private int apply(Operations operations, Progress progress, Settings settings, StackLayout layout, List<Resource<?>> resources) {
        Operations.Report report = operations.apply();
        Map<Action, Integer> counts = new EnumMap<>(report.counts());
        long failed = report.outcomes().values().stream().filter(o -> o.status() == GraphRunner.Status.FAILED).count();
        long skipped = report.outcomes().values().stream().filter(o -> o.status() == GraphRunner.Status.SKIPPED).count();
        String summary = counts.get(Action.CREATE) + " created, " + counts.get(Action.UPDATE) + " updated, "
                + counts.get(Action.REPLACE) + " replaced, " + counts.get(Action.NONE) + " unchanged";
        if (report.failed()) {
            progress.line("Apply failed: " + summary + ", " + failed + " failed, " + skipped
                    + " skipped. Fix the cause and run apply again: it continues from what exists.");
            return ExitCodes.FAILED;
        }
        StateFile.write(settings.stateFile(), layout, resources);
        progress.line("Apply complete in " + Progress.seconds(progress.elapsed()) + ": " + summary + ". Outputs: "
                + settings.stateFile().toAbsolutePath());
        out.println("Attach the agent with:");
        out.println(layout.agentArgument());
        return ExitCodes.OK;
    }

    private int destroy(Operations operations, Progress progress, Settings settings, boolean deleteData) {
        Operations.Report report = operations.destroy(deleteData);
        if (report.failed()) {
            progress.line("Destroy incomplete; run it again after fixing the cause.");
            return ExitCodes.FAILED;
        }
        StateFile.delete(settings.stateFile());
        progress.line("Destroy complete in " + Progress.seconds(progress.elapsed()) + (deleteData ? "." : "; bucket data, if any, kept."));
        return ExitCodes.OK;
    }

    /**
     * Every setting that is not at its default, with where it came from: a variable exported in
     * the shell for something else ({@code PREFIX=/usr/local} from a build) must not move data silently.
     */
    private void printGiven(Settings settings) {
        if (settings.given().isEmpty()) {
            out.println("Settings: all defaults (derived from STACK_NAME=" + settings.stackName() + ")");
            return;
        }
        out.println("Settings not at their default:");
        settings.given().forEach((setting, given) -> out.println("  " + setting.key() + "=" + given.value() + "  (" + given.source() + ")"));
    }
}
