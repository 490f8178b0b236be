package io.roxxane.agent.cli;

import io.roxxane.agent.summary.Summary;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the quick start. Starts a sample workload in a child JVM with this jar attached
 * as {@code -javaagent} on the embedded default (the file sink), waits for it, then prints a
 * summary of what was collected.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a sample JVM workload with the agent attached (file sink), then summarise what it collected.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "20", description = "how long the workload runs (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--dir", defaultValue = "roxxane-data", description = "where samples are written (default: ${DEFAULT-VALUE})")
    File dir;

    @Option(names = "--interval", defaultValue = "1s", description = "sampling interval (default: ${DEFAULT-VALUE})")
    String interval;

    @Override
    public Integer call() throws Exception {
        File jar = RunningJar.path();
        String java = new File(new File(System.getProperty("java.home"), "bin"), "java").getPath();
        List<String> command = new ArrayList<String>();
        command.add(java);
        command.add("-Xmx256m");
        command.add("-javaagent:" + jar.getPath() + "=sink=file,dir=" + dir.getPath() + ",interval=" + interval
                + ",service=demo-workload,tags=env:demo,roll_time=1h");
        command.add("-jar");
        command.add(jar.getPath());
        command.add("demo-workload");
        command.add(Integer.toString(seconds));
        System.out.println("running a sample workload for " + seconds + " s with the agent attached, writing to "
                + dir.getAbsolutePath() + " …");
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!awaitWithProgress(process)) {
            process.destroyForcibly();
            System.err.println("the workload did not finish in time");
            return 1;
        }
        if (process.exitValue() != 0) {
            System.err.println("the workload exited with " + process.exitValue());
            return 1;
        }
        System.out.println();
        Summary summary = Summary.of(dir);
        summary.print(System.out);
        System.out.println();
        System.out.println("Query these files with DuckDB, for example:");
        System.out.println("  SELECT service, max(jvm_heap_used_bytes) FROM read_json('" + dir.getPath()
                + "/**/*.json.gz', hive_partitioning=true) GROUP BY service;");
        return summary.samples() > 0 ? 0 : 1;
    }

    /** Waits for the workload, printing how far it is every few seconds; false if it overruns by a minute. */
    private boolean awaitWithProgress(Process process) throws InterruptedException {
        long start = System.nanoTime();
        long step = Math.max(2, seconds / 10);
        for (long shown = step; shown < seconds; shown += step) {
            long wait = TimeUnit.SECONDS.toNanos(shown) - (System.nanoTime() - start);
            if (process.waitFor(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                return true;
            }
            int width = 20;
            int done = (int) (width * shown / seconds);
            System.out.println("  [" + repeat('#', done) + repeat('.', width - done) + "] " + shown + "/" + seconds
                    + " s, about " + shown / Math.max(1, intervalSeconds()) + " samples taken");
        }
        return process.waitFor(seconds + 60L - TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), TimeUnit.SECONDS);
    }

    private long intervalSeconds() {
        String text = interval.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Math.max(1, Long.parseLong(text.substring(0, text.length() - 2)) / 1000);
            }
            long value = Long.parseLong(text.substring(0, text.length() - 1));
            return text.endsWith("m") ? value * 60 : text.endsWith("h") ? value * 3600 : value;
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private static String repeat(char c, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(c);
        }
        return out.toString();
    }
}
