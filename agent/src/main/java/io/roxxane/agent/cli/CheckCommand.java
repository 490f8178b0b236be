package io.roxxane.agent.cli;

import io.roxxane.agent.cli.check.FirehoseCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check stream=NAME [region=… endpoint=…]}: whether the agent could ship to this Firehose
 * stream, in plain words. Exit 0 only if every check holds, 1 if one fails, 2 on a usage error.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that the agent can ship to a Firehose stream: the settings parse, a region and"
                + " credentials are found (never shown), the stream exists and is ACTIVE, and a test put of one"
                + " sample (service=" + FirehoseCheck.CHECK_SERVICE + ") is accepted.",
                "Settings are the agent's: arguments here, then -Droxxane.KEY, then ROXXANE_KEY; AWS settings"
                        + " follow the SDK (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_FIREHOSE)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every check holds", "1:a check failed", "2:usage error"})
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
            description = "Agent settings, e.g. stream=metrics region=eu-west-1 endpoint=http://127.0.0.1:4566")
    private List<String> settings = new ArrayList<String>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        int code = new FirehoseCheck(spec.commandLine().getOut()).run(settings);
        if (code == FirehoseCheck.USAGE) {
            spec.commandLine().usage(spec.commandLine().getErr());
        }
        return code;
    }
}
