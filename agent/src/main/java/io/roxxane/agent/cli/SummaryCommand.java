package io.roxxane.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: {@code summary} is being built. */
@Command(name = "summary", mixinStandardHelpOptions = true, description = "(not available in this build)")
final class SummaryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("summary is not available in this build");
        return 1;
    }
}
