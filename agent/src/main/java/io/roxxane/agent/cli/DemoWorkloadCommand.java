package io.roxxane.agent.cli;

import io.roxxane.agent.demo.DemoWorkload;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code demo-workload SECONDS}: the child JVM of {@code demo}. Hidden from the usage. */
@Command(name = "demo-workload", hidden = true, description = "Run the demo's sample workload.")
final class DemoWorkloadCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "20", description = "seconds to run")
    int seconds;

    @Override
    public Integer call() throws InterruptedException {
        DemoWorkload.run(seconds);
        return 0;
    }
}
