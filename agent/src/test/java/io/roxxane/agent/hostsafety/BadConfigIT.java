package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kind of bad configuration (settings, and the AWS credentials and config files the
 * Firehose sink would read), in child JVMs on JDK 17 and Temurin 25: exactly one
 * {@code [roxxane]} line naming the key and the value, no samples, and the host's output and exit
 * code exactly as without the agent. The child JVMs run a few at a time.
 */
class BadConfigIT {
    private static final int EXIT = 7;
    private static final String[] HOST_ARGS = {"wait", "exit=" + EXIT};
    /** How long a host waits for the agent's line before it goes on anyway (and the test fails). */
    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(20);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    /** One bad configuration: how it is given and the words its line must contain. */
    static final class Case {
        final String name;
        final String agentArgs;
        final List<String> jvmOptions;
        final Map<String, String> env;
        final List<String> mustName;

        Case(String name, String agentArgs, List<String> jvmOptions, Map<String, String> env, String... mustName) {
            this.name = name;
            this.agentArgs = agentArgs;
            this.jvmOptions = jvmOptions;
            this.env = env;
            this.mustName = Arrays.asList(mustName);
        }

        static Case arg(String agentArgs, String... mustName) {
            return new Case(agentArgs, agentArgs, List.of(), Map.of(), mustName);
        }
    }

    static List<Case> cases(Path scratch) throws IOException {
        Path file = Files.writeString(scratch.resolve("a-file"), "not a directory");
        String unwritable = file.resolve("data").toString();
        String garbled = Files.writeString(scratch.resolve("garbled-credentials"), "this is not a profile file\n").toString();
        String credentials = Files.writeString(scratch.resolve("credentials"),
                "[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = example\n").toString();
        String missing = scratch.resolve("no-such-credentials").toString();
        String stream = "stream=s,region=us-east-1";
        List<Case> cases = new ArrayList<>(List.of(
                Case.arg("service=", "service", "''"),
                Case.arg("tags=env", "tags", "env"),
                Case.arg("interval=0s", "interval", "0s"),
                Case.arg("interval=often", "interval", "often"),
                Case.arg("sink=kafka", "sink", "kafka"),
                Case.arg("sink=firehose", "sink", "firehose", "stream"),
                Case.arg("dir=", "dir", "''"),
                Case.arg("roll_size=1", "roll_size", "1"),
                Case.arg("roll_time=2h", "roll_time", "2h"),
                Case.arg("max_disk=1k", "max_disk", "1k"),
                Case.arg("stream=no/slash", "stream", "no/slash"),
                Case.arg("region=mars", "region", "mars"),
                Case.arg("endpoint=ftp://example.com", "endpoint", "ftp://example.com"),
                Case.arg("stream=s,flush=0s", "flush", "0s"),
                Case.arg("stream=s,buffer=1k", "buffer", "1k"),
                Case.arg("stream=s,spool=", "spool", "''"),
                Case.arg("stream=s,spool_max=1k", "spool_max", "1k"),
                Case.arg("shutdown_timeout=61s", "shutdown_timeout", "61s"),
                Case.arg("colour=red", "colour"),
                Case.arg("verbose", "verbose"),
                Case.arg("=1s", "=1s"),
                Case.arg("interval=1s,interval=2s", "interval"),
                Case.arg("sink=file,dir=" + unwritable, "dir", unwritable),
                new Case("-Droxxane.interval=zero", "", List.of("-Droxxane.interval=zero"), Map.of(),
                        "interval", "zero", "roxxane.interval"),
                new Case("-Droxxane.colour=red", "", List.of("-Droxxane.colour=red"), Map.of(), "colour"),
                new Case("garbled AWS_SHARED_CREDENTIALS_FILE", stream, List.of(),
                        Map.of("AWS_SHARED_CREDENTIALS_FILE", garbled), "AWS_SHARED_CREDENTIALS_FILE", garbled, "parse"),
                new Case("missing AWS_SHARED_CREDENTIALS_FILE", stream, List.of(),
                        Map.of("AWS_SHARED_CREDENTIALS_FILE", missing), "AWS_SHARED_CREDENTIALS_FILE", missing),
                new Case("AWS_CONFIG_FILE a directory", stream, List.of(),
                        Map.of("AWS_CONFIG_FILE", scratch.toString()), "AWS_CONFIG_FILE", scratch.toString()),
                new Case("AWS_PROFILE not in the files", stream, List.of(),
                        Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials, "AWS_PROFILE", "nope"), "AWS_PROFILE", "nope"),
                new Case("ROXXANE_INTERVAL=zero", "", List.of(), Map.of("ROXXANE_INTERVAL", "zero"),
                        "interval", "zero", "ROXXANE_INTERVAL")));
        return cases;
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @TestFactory
    List<DynamicTest> badConfiguration_whenAgentStarts_oneLineNamingKeyAndValueAndHostUnchanged() throws Exception {
        Path scratch = Hosts.scratch("bad-config");
        List<Case> cases = cases(scratch);
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdk.all()) {
            String java = jdk.java().toString(); // fails (CI) or skips here when the JDK is missing
            Future<HostResult> baseline = POOL.submit(() -> run(jdk, scratch, List.of(), Map.of(), false));
            List<Future<HostResult>> runs = new ArrayList<>();
            for (Case c : cases) {
                List<String> options = new ArrayList<>(c.jvmOptions);
                options.add(Hosts.javaagent(c.agentArgs));
                runs.add(POOL.submit(() -> run(jdk, scratch, options, c.env, true)));
            }
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Future<HostResult> run = runs.get(i);
                tests.add(DynamicTest.dynamicTest(jdk + " " + c.name, () -> check(c, baseline.get(), run.get())));
            }
            assertNotNull(java);
        }
        return tests;
    }

    private static HostResult run(Jdk jdk, Path scratch, List<String> options, Map<String, String> env,
            boolean waitForAgent) throws InterruptedException {
        return Hosts.run(Hosts.command(jdk, "plain", null, "PlainHost", options, HOST_ARGS), scratch, env,
                waitForAgent ? Hosts.anyAgentLine() : null, LINE_TIMEOUT);
    }

    private static void check(Case c, HostResult baseline, HostResult result) {
        List<String> lines = result.agentLines();
        assertEquals(1, lines.size(), "expected exactly one [roxxane] line:\n" + result);
        String line = lines.get(0);
        for (String word : c.mustName) {
            assertTrue(line.contains(word), "the line does not name '" + word + "': " + line);
        }
        assertTrue(result.samples().isEmpty(), "the agent ran despite the bad configuration:\n" + result);
        assertEquals(baseline.stdout, result.stdout, "host stdout changed:\n" + result);
        assertEquals(baseline.hostStderr(), result.hostStderr(), "host stderr changed:\n" + result);
        assertEquals(EXIT, baseline.exitCode, baseline.toString());
        assertEquals(EXIT, result.exitCode, "exit code changed:\n" + result);
    }
}
