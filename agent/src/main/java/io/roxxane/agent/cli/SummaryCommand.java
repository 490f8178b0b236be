package io.roxxane.agent.cli;

import io.roxxane.agent.summary.Summary;
import java.io.File;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code summary [DIR]}: a readable digest of what the file sink wrote. Only the sink's own closed
 * files are read; what is not a whole sample is skipped and named in one last line.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Summarise the samples a file sink wrote: per service and hour, samples, heap, CPU, GC, threads."
                + " Reads only the sink's own files; skips and counts anything that is not a whole sample.")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "roxxane-data", description = "the file sink's directory (default: ${DEFAULT-VALUE})")
    File dir;

    @Override
    public Integer call() {
        if (!dir.isDirectory()) {
            System.err.println("no such directory: " + dir.getAbsolutePath());
            return 1;
        }
        Summary summary;
        try {
            summary = Summary.of(dir);
        } catch (RuntimeException e) {
            System.err.println("cannot read " + dir.getAbsolutePath() + ": " + e);
            return 1;
        }
        summary.print(System.out);
        return summary.samples() > 0 ? 0 : 1;
    }
}
