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
}
