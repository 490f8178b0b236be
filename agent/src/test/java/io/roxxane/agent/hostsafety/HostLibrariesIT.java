package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.fakes.FakeFirehose;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Host applications that carry their own, different versions of the libraries inside roxxane.jar
 * run exactly as they do without the agent, and the agent still delivers samples.
 */
class HostLibrariesIT {
    private static final String AGENT_ARGS = "interval=1s,roll_time=1s,shutdown_timeout=1s";
    private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(20);

    static List<Jdk> jdks() {
        return Jdk.all();
    }

    private static HostResult[] runWithoutAndWith(Jdk jdk, String host, String main) throws Exception {
        HostResult without = Hosts.run(Hosts.command(jdk, host, host, main, List.of()), Hosts.scratch(host), Map.of(),
                null, SAMPLE_TIMEOUT);
        Path data = Hosts.scratch("data");
        // sink=file is the default; dir=DATA
        HostResult with = Hosts.run(
                Hosts.command(jdk, host, host, main, List.of(Hosts.javaagent(AGENT_ARGS + ",dir=" + data))),
                Hosts.scratch(host), Map.of(), l -> l.startsWith("[roxxane] started "), data, SAMPLE_TIMEOUT);
        assertFalse(SinkFiles.samples(data).isEmpty(), "no sample in the file sink under " + data + ":\n" + with);
        return new HostResult[] {without, with};
    }

    private static void assertUnchangedWithSamples(HostResult without, HostResult with, int exitCode) {
        assertEquals(exitCode, without.exitCode, "host fails without the agent:\n" + without);
        assertNotNull(with.releasedBy, "no sample from the agent before the host used its libraries:\n" + with);
        assertEquals(without.stdout, with.stdout, "host stdout changed by the agent:\n" + with);
        assertEquals(without.hostStderr(), with.hostStderr(), "host stderr changed by the agent:\n" + with);
        assertEquals(exitCode, with.exitCode, "exit code changed by the agent:\n" + with);
        for (String line : with.agentLines()) {
            assertTrue(line.startsWith("[roxxane] started "), "unexpected agent line: " + line + "\n" + with);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void legacyHost_whenAgentRunning_usesItsOwnJacksonSlf4j17JnaAndAwsSdk(Jdk jdk) throws Exception {
        HostResult[] runs = runWithoutAndWith(jdk, "legacy", "LegacyLibsHost");
        HostResult with = runs[1];
        assertUnchangedWithSamples(runs[0], with, 7);
        assertTrue(with.stdout.contains("host: jackson {\"app\":\"legacy\",\"n\":42} from jackson-databind-2.12.7.1.jar"),
                with.toString());
        assertTrue(with.stdout.contains("host: slf4j logger org.slf4j.helpers.NOPLogger from slf4j-api-1.7.36.jar"),
                with.toString());
        assertTrue(with.stdout.contains("host: jna getpid matches = true from jna-5.13.0.jar"), with.toString());
        assertTrue(with.stdout.contains("host: aws sdk 726f7878616e65 from sdk-core-2.17.295.jar"), with.toString());
        // SLF4J 1.7 without a binding warns on the host's stderr: the host's own message, with or without the agent.
        assertTrue(with.hostStderr().stream().anyMatch(l -> l.contains("org.slf4j.impl.StaticLoggerBinder")),
                with.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void legacyHost_whenAgentShipsToFirehose_bothAwsSdksWorkSideBySide(Jdk jdk) throws Exception {
        // The agent's own AWS SDK 2.42 is loaded and sending while the host uses its SDK 2.17.
        try (FakeFirehose firehose = new FakeFirehose("host-libraries")) {
            HostResult without = Hosts.run(Hosts.command(jdk, "legacy", "legacy", "LegacyLibsHost", List.of()),
                    Hosts.scratch("legacy"), Map.of(), null, SAMPLE_TIMEOUT);
            String args = "stream=host-libraries,region=us-east-1,endpoint=" + firehose.endpoint()
                    + ",interval=1s,flush=1s,shutdown_timeout=2s";
            HostResult with = Hosts.run(
                    Hosts.command(jdk, "legacy", "legacy", "LegacyLibsHost", List.of(Hosts.javaagent(args))),
                    Hosts.scratch("legacy"),
                    Map.of("AWS_ACCESS_KEY_ID", "AKIAHOSTLIBRARIESIT0", "AWS_SECRET_ACCESS_KEY", "host-libraries-it-secret",
                            "AWS_EC2_METADATA_DISABLED", "true"),
                    l -> l.startsWith("[roxxane] started "), () -> firehose.distinctSeqs() > 0, SAMPLE_TIMEOUT);
            assertUnchangedWithSamples(without, with, 7);
            assertTrue(with.stdout.contains("host: aws sdk 726f7878616e65 from sdk-core-2.17.295.jar"), with.toString());
            List<Long> seqs = firehose.seqs();
            long distinct = new HashSet<>(seqs).size();
            for (long seq = 0; seq < distinct; seq++) {
                assertTrue(seqs.contains(seq), "no gap in seq: " + seqs);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void slf4j2Host_whenAgentRunning_logsThroughItsOwnProvider(Jdk jdk) throws Exception {
        HostResult[] runs = runWithoutAndWith(jdk, "slf4j2", "Slf4j2Host");
        HostResult with = runs[1];
        assertUnchangedWithSamples(runs[0], with, 3);
        assertTrue(with.stdout.contains("host: slf4j logger org.slf4j.simple.SimpleLogger from slf4j-api-2.0.9.jar"),
                with.toString());
        assertTrue(with.hostStderr().stream().anyMatch(l -> l.contains("host log line through its own provider")),
                with.toString());
        assertTrue(with.stderr.stream().noneMatch(l -> l.contains("No SLF4J providers")), with.toString());
    }
}
