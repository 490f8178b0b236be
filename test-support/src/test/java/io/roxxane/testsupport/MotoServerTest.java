package io.roxxane.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher itself, with stand-ins for {@code moto_server} (a JDK HTTP server, a script that
 * exits): how it is started, what it is given, how a failed start is reported. The real
 * {@code moto_server} runs in {@link AwsEmulatorExtensionTest} and {@link OwnMotoExtensionTest}.
 */
class MotoServerTest {
    @TempDir
    Path directory;

    private Path script(String name, String body) throws IOException {
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void start_whenServerAnswers_bindsLoopbackPassesEnvironmentAndStopsOnClose() throws Exception {
        Path fake = Paths.get(getClass().getResource("/fake-moto/FakeMoto.java").toURI());
        Path record = directory.resolve("record.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path executable = script("moto_server", "exec '" + java + "' '" + fake + "' '" + record + "' \"$@\"");
        Path logs = directory.resolve("logs");
        int port;

        try (MotoServer server = MotoServer.start(executable, logs, Map.of("INITIAL_NO_AUTH_ACTION_COUNT", "3"))) {
            port = server.emulator().endpoint().getPort();

            assertEquals("http://127.0.0.1:" + port, server.emulator().endpoint().toString());
            assertEquals(List.of("args=-H 127.0.0.1 -p " + port, "INITIAL_NO_AUTH_ACTION_COUNT=3",
                    "AWS_EC2_METADATA_DISABLED=true"), Files.readAllLines(record));
            assertEquals(logs.resolve("moto_server-" + port + ".log"), server.log());
            assertEquals("moto", server.emulator().kind());
            assertEquals("us-east-1", server.emulator().region());
        }

        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "still listening after close");
        assertTrue(Files.readString(logs.resolve("moto_server-" + port + ".log")).contains("fake moto on 127.0.0.1:" + port));
    }

    @Test
    void start_whenServerExits_failsWithExitCodeAndItsLog() throws IOException {
        Path executable = script("moto_server", "echo \"boom: no such module moto\"\nexit 3");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MotoServer.start(executable, directory.resolve("logs"), Map.of()));

        assertTrue(e.getMessage().startsWith("moto_server exited with 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("boom: no such module moto"), e.getMessage());
    }

    @Test
    void start_whenNotExecutable_failsNamingIt() {
        Path missing = directory.resolve("no-such-moto_server");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MotoServer.start(missing, directory.resolve("logs"), Map.of()));

        assertTrue(e.getMessage().startsWith("cannot start " + missing), e.getMessage());
    }

    @Test
    void find_whenMotoServerNamed_usesItIfExecutable() throws IOException, URISyntaxException {
        Path executable = script("my-moto", "exit 0");
        Path plainFile = Files.writeString(directory.resolve("not-executable"), "");
        try {
            System.setProperty("MOTO_SERVER", executable.toString());
            assertEquals(Optional.of(executable), MotoServer.find());

            System.setProperty("MOTO_SERVER", plainFile.toString());
            assertFalse(MotoServer.find().isPresent());

            System.setProperty("MOTO_SERVER", directory.resolve("missing").toString());
            assertFalse(MotoServer.find().isPresent());
        } finally {
            System.clearProperty("MOTO_SERVER");
        }
    }
}
