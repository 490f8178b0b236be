package io.roxxane.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: {@code check} is being built. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "(not available in this build)")
final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("check is not available in this build");
        return 1;
    }
}
