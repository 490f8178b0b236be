package io.roxxane.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: {@code attach} is being built. */
@Command(name = "attach", mixinStandardHelpOptions = true, description = "(not available in this build)")
final class AttachCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("attach is not available in this build");
        return 1;
    }
}
