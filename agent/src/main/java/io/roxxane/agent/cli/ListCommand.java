package io.roxxane.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: {@code list} is being built. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "(not available in this build)")
final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("list is not available in this build");
        return 1;
    }
}
