package io.roxxane.it.provisioner;

import io.roxxane.it.BuiltJars;
import io.roxxane.provisioner.aws.AwsClients;
import io.roxxane.provisioner.aws.IamPropagation;
import io.roxxane.provisioner.aws.StackIdentity;
import io.roxxane.provisioner.cli.ProvisionerCli;
import io.roxxane.provisioner.config.JarLocator;
import io.roxxane.provisioner.config.Settings;
import io.roxxane.provisioner.config.SettingsResolver;
import io.roxxane.provisioner.engine.Operations;
import io.roxxane.provisioner.engine.Progress;
import io.roxxane.provisioner.resources.StackContext;
import io.roxxane.provisioner.stack.StackLayout;
import io.roxxane.provisioner.stack.StackResources;
import io.roxxane.testsupport.AwsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the provisioner against the emulator: the built provisioner.jar in a child JVM, or in-process (faster). */
public final class ProvisionerRun {
    private static final long CHILD_TIMEOUT_SECONDS = 180;

    /** Exit code and everything printed. */
    public record Result(int exitCode, String output) {
        public List<String> lines() {
            return output.lines().toList();
        }

        public String lastLine() {
            List<String> lines = lines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private final AwsEmulator aws;
    private final Map<String, String> settings;
    private final Path workingDirectory;

    public ProvisionerRun(AwsEmulator aws, Map<String, String> settings, Path workingDirectory) {
        this.aws = aws;
        this.settings = Map.copyOf(settings);
        this.workingDirectory = workingDirectory;
    }

    /** {@code java -jar provisioner.jar args} with only the emulator's AWS environment and the settings. */
    public Result child(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(BuiltJars.provisioner().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("ROXXANE_") || isSettingKey(key));
        aws.applyTo(environment);
        environment.putAll(settings);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("provisioner did not finish within " + CHILD_TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run provisioner.jar: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * The same command line in this JVM. Settings and the endpoint go in as the environment map;
     * credentials come from the SDK's chain, so the dummy keys are set as the SDK's system properties.
     */
    public Result inProcess(String... args) {
        Map<String, String> environment = new HashMap<>(aws.environment());
        // The SDK's region chain reads the real environment; the provisioner's own setting reads this map.
        environment.put("REGION_NAME", aws.region());
        environment.putAll(settings);
        String previousKey = System.setProperty("aws.accessKeyId", aws.accessKeyId());
        String previousSecret = System.setProperty("aws.secretAccessKey", aws.secretAccessKey());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            int exitCode = ProvisionerCli.run(args, environment, out, out);
            return new Result(exitCode, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    /**
     * Applies the stack as the provisioner of an older schema version made it (its table's columns,
     * its stream's JSON reading: {@code StackResources.of(context, schemaVersion)}), in this JVM,
     * with the same settings; for upgrade tests. Returns whether the apply succeeded, and its lines.
     */
    public Result applyAtSchemaVersion(int schemaVersion) {
        Map<String, String> environment = new HashMap<>(aws.environment());
        environment.put("REGION_NAME", aws.region());
        environment.putAll(settings);
        String previousKey = System.setProperty("aws.accessKeyId", aws.accessKeyId());
        String previousSecret = System.setProperty("aws.secretAccessKey", aws.secretAccessKey());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            Settings resolved = new SettingsResolver(Map.of(), environment, Map.of(),
                    new JarLocator(workingDirectory, workingDirectory)).resolve(true);
            try (AwsClients clients = AwsClients.create(resolved)) {
                StackIdentity identity = StackIdentity.of(clients.sts().getCallerIdentity(), clients.region().id());
                StackContext context = new StackContext(StackLayout.of(resolved, identity), clients,
                        new IamPropagation(resolved.iamPropagationTimeout()));
                Operations.Report report = new Operations(StackResources.of(context, schemaVersion), resolved.stackName(),
                        new Progress(out), 4).apply();
                return new Result(report.failed() ? 1 : 0, buffer.toString(StandardCharsets.UTF_8));
            }
        } finally {
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    private static boolean isSettingKey(String key) {
        for (io.roxxane.provisioner.config.Setting setting : io.roxxane.provisioner.config.Setting.values()) {
            if (setting.key().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
