package io.roxxane.provisioner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line behaviour that needs no AWS: every case here stops at validation, before any call. */
class ProvisionerCliTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return ProvisionerCli.run(args, environment, out, out);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private Map<String, String> jars() throws IOException {
        Path jar = Files.write(directory.resolve("x.jar"), new byte[] {'P', 'K', 3, 4});
        return Map.of("TRANSFORM_JAR", jar.toString(), "REGISTRAR_JAR", jar.toString(),
                // nothing listens on port 9: reaching AWS would fail with another message and exit code
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
    }

    @Test
    void run_whenFlagBeforeCommand_appliesItToTheCommand() throws IOException {
        int exit = run(jars(), "--buffering-size", "10", "plan");

        assertEquals(ExitCodes.USAGE, exit, output());
        assertTrue(output().contains("config error: BUFFERING_SIZE='10' is not allowed"), output());
    }

    @Test
    void run_whenFlagAndEnvironmentDisagree_flagWins() throws IOException {
        Map<String, String> environment = new java.util.HashMap<>(jars());
        environment.put("LAMBDA_TIMEOUT", "30");

        int exit = run(environment, "status", "--lambda-timeout", "901");

        assertEquals(ExitCodes.USAGE, exit, output());
        assertTrue(output().contains("LAMBDA_TIMEOUT='901'"), output());
    }

    @Test
    void run_whenConfigFileHasUnknownKey_exits64NamingIt() throws IOException {
        Path config = Files.writeString(directory.resolve("roxxane.properties"), "STACK_NAME=a\nBUCKET=b\n");

        int exit = run(jars(), "plan", "--config", config.toString());

        assertEquals(ExitCodes.USAGE, exit, output());
        assertTrue(output().contains("unknown setting BUCKET"), output());
    }

    @Test
    void run_whenCommandUnknown_exits64() {
        assertEquals(ExitCodes.USAGE, run(Map.of(), "deploy"));
    }

    @Test
    void run_whenHelpAsked_listsCommandsSettingsAndExitCodes() {
        assertEquals(ExitCodes.OK, run(Map.of(), "--help"));

        // Help is wrapped at 80 columns: compare without white space.
        String help = output().replaceAll("\\s+", "");
        for (String expected : new String[] {"plan", "apply", "destroy", "status", "--delivery-stream-name",
                "DELIVERY_STREAM_NAME;default:${STACK_NAME}-metrics)", "64badcommandline"}) {
            assertTrue(help.contains(expected), expected + " missing in " + output());
        }
    }

    /** The provisioner in a child JVM with exactly this environment (the SDK reads the real one). */
    private ChildResult child(Map<String, String> environment, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                ProvisionerCli.class.getName()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("ROXXANE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), output);
        return new ChildResult(process.exitValue(), output);
    }

    private record ChildResult(int exitCode, String output) {
    }

    private Map<String, String> awsFiles(Map<String, String> more) throws IOException {
        Path config = Files.writeString(directory.resolve("aws-config"),
                "[profile ci]\naws_access_key_id = a\naws_secret_access_key = b\n");
        Map<String, String> environment = new java.util.HashMap<>(jars());
        environment.put("AWS_CONFIG_FILE", config.toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", directory.resolve("no-credentials").toString());
        environment.putAll(more);
        return environment;
    }

    @Test
    void run_whenProfileHasNoRegionAndAwsRegionExported_usesAwsRegionAsTheSdkDoes() throws Exception {
        ChildResult result = child(awsFiles(Map.of("AWS_REGION", "us-east-1")), "plan", "--profile", "ci");

        // It got past the settings to the first AWS call, which finds nothing on port 9.
        assertEquals(ExitCodes.FAILED, result.exitCode(), result.output());
        assertTrue(!result.output().contains("no AWS region") && result.output().contains("error: "), result.output());
    }

    @Test
    void run_whenNamedProfileDoesNotExist_exits64BeforeAnyAwsCall() throws Exception {
        ChildResult result = child(awsFiles(Map.of("AWS_REGION", "us-east-1")), "plan", "--profile", "nope");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.output());
        assertTrue(result.output().contains("config error: PROFILE='nope' is not allowed: no such profile in "), result.output());
        assertTrue(result.output().contains("expected one of ci"), result.output());
    }

    @Test
    void run_whenAwsRegionIsNoRegionCode_exits64NamingAwsRegion() throws Exception {
        ChildResult result = child(awsFiles(Map.of("AWS_REGION", "eu-west")), "status");

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.output());
        assertTrue(result.output().contains("config error: AWS_REGION='eu-west' is not allowed: expected an AWS region code"),
                result.output());
    }

    @Test
    void run_whenSettingsComeFromEnvironmentAndFlags_printsEachWithItsSource() throws IOException {
        Map<String, String> environment = new java.util.HashMap<>(jars());
        environment.put("PREFIX", "/usr/local");
        environment.put("ROXXANE_BUFFERING_SIZE", "64");

        run(environment, "plan", "--stack-name", "shop");

        assertTrue(output().contains("Settings not at their default:"), output());
        assertTrue(output().contains("  PREFIX=/usr/local  (environment variable PREFIX)"), output());
        assertTrue(output().contains("  STACK_NAME=shop  (flag --stack-name)"), output());
        assertTrue(output().contains("  BUFFERING_SIZE=64  (environment variable ROXXANE_BUFFERING_SIZE)"), output());
        assertTrue(output().contains("  ENDPOINT_URL=http://127.0.0.1:9  (environment variable AWS_ENDPOINT_URL)"), output());
    }
}
