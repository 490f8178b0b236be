package io.roxxane.athena.firehose;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the hive-converter module's {@code FirehoseMain} in a child JVM: a JDK 17-23 (Hadoop 3.3.6
 * cannot run on JDK 24+) on the converter's own class path (Hive, Hadoop), which must not meet
 * Trino's in this JVM. Paths come from the build (athena-tests/trino/pom.xml).
 */
public final class HiveConverterProcess {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 300;

    private HiveConverterProcess() {
    }

    /** Delivers the request's records below {@code bucket}; the child's output goes to {@code work/converter.log}. */
    public static DeliveryResult deliver(DeliveryRequest request, Path bucket, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path requestFile = work.resolve("delivery-request.json");
        Path resultFile = work.resolve("delivery-result.json");
        Path log = work.resolve("converter.log");
        JSON.writeValue(requestFile.toFile(), request);
        List<String> command = new ArrayList<>();
        command.add(property("athena.hive.java"));
        Arrays.stream(property("athena.hive.jvm.args").trim().split("\\s+")).filter(a -> !a.isEmpty()).forEach(command::add);
        command.add("-cp");
        command.add(property("athena.hive.classes") + java.io.File.pathSeparator
                + Files.readString(Path.of(property("athena.hive.classpath.file")), StandardCharsets.UTF_8).trim());
        command.add(FirehoseMain.class.getName());
        command.add(requestFile.toString());
        command.add(bucket.toString());
        command.add(resultFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the Hive converter did not finish within " + TIMEOUT_SECONDS + " s; see " + log);
            }
        } finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            throw new IOException("the Hive converter failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return JSON.readValue(resultFile.toFile(), DeliveryResult.class);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven"
                    + " (athena-tests/README.md)");
        }
        return value;
    }
}
