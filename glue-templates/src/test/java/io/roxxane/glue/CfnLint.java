package io.roxxane.glue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code cfn-lint} command line on template files. */
final class CfnLint {
    private static final long TIMEOUT_SECONDS = 180;

    /** Exit code and combined output of one cfn-lint run. */
    record Result(int exitCode, String output) {
    }

    private CfnLint() {
    }

    /** Whether an executable {@code cfn-lint} is on the PATH (cheaper than starting it). */
    static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "cfn-lint"))) {
                return true;
            }
        }
        return false;
    }

    static Result lint(List<Path> templates) throws IOException {
        List<String> args = new ArrayList<>();
        args.add("--");
        for (Path template : templates) {
            args.add(template.toString());
        }
        return run(args);
    }

    private static Result run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("cfn-lint");
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("cfn-lint did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
    }
}
