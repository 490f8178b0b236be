package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.fakes.FakeFirehose;
import io.roxxane.agent.fakes.FakeSts;
import io.roxxane.agent.fakes.SigV4Verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built roxxane.jar with {@code stream=} in a child JVM against {@link FakeFirehose}: samples
 * arrive through the isolated class loader and the real SDK, and the host's exit code stays its
 * own, also when Firehose hangs at shutdown (then the spool keeps the samples).
 */
class FirehoseSinkIT {
    private FakeFirehose fake;

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeFirehose(FirehoseTestSupport.STREAM);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** Runs ChildHost for {@code hostMillis} with the agent and keys in the environment; returns the ended process. */
    private Process runHost(String agentArgs, long hostMillis, File stderr) throws Exception {
        return runHost(new AgentChild(agentArgs, stderr).sleeping(hostMillis, 3));
    }

    private static Process runHost(AgentChild child) throws Exception {
        Process process = child.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "host did not exit");
        return process;
    }

    private String args(String extra) {
        return "stream=" + FirehoseTestSupport.STREAM + ",region=us-east-1,endpoint=" + fake.endpoint()
                + ",interval=1s,service=it-host" + extra;
    }

    @Test
    void agent_whenFirehoseIsHealthy_deliversEverySampleAndKeepsTheHostsExitCode() throws Exception {
        File stderr = temp.resolve("stderr.txt").toFile();
        Process host = runHost(args(",flush=2s"), 4_000, stderr);
        String log = Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
        assertEquals(3, host.exitValue(), log);
        List<Long> seqs = fake.seqs();
        assertFalse(seqs.isEmpty(), log);
        Set<Long> distinct = new HashSet<>(seqs);
        for (long seq = 0; seq < distinct.size(); seq++) {
            assertTrue(distinct.contains(seq), "no gap in seq: " + seqs);
        }
        assertTrue(log.contains("sink=firehose stream " + FirehoseTestSupport.STREAM), log);
        assertFalse(log.contains(FirehoseTestSupport.SECRET_KEY), log);
        String record = new String(fake.records().get(0), StandardCharsets.UTF_8);
        assertTrue(record.contains("\"service\":\"it-host\"") && record.contains("\"jvm_heap_used_bytes\""), record);
    }

    @Test
    void agent_whenFirehoseHangsAtShutdown_spoolsAndKeepsTheHostsExitCode() throws Exception {
        fake.behave((call, records) -> FakeFirehose.Reply.hangUntilReleased());
        File spool = temp.resolve("spool").toFile();
        File stderr = temp.resolve("stderr.txt").toFile();
        Process host = runHost(args(",flush=15m,shutdown_timeout=2s,spool=" + spool), 3_000, stderr);
        String log = Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
        assertEquals(3, host.exitValue(), log);
        String[] files = spool.list((dir, name) -> name.startsWith("roxxane-spool-") && name.endsWith(".log"));
        assertTrue(files != null && files.length > 0, "samples kept in the spool at shutdown: " + log);
        assertTrue(log.contains("not delivered in time stay in the spool"), log);
    }

    @Test
    void agent_withWebIdentity_signsWithStsCredentialsAndNeverLoadsTheSdksStsClient() throws Exception {
        Path token = Files.write(temp.resolve("token"), "eyJ.pod.token".getBytes(StandardCharsets.UTF_8));
        Path empty = Files.createFile(temp.resolve("empty-profile"));
        Path classLog = temp.resolve("classes.log");
        fake.requireSignatures(new SigV4Verifier(FakeSts.ACCESS_KEY_ID, FakeSts.SECRET_KEY, "us-east-1", "firehose"));
        File stderr = temp.resolve("stderr.txt").toFile();
        try (FakeSts sts = new FakeSts()) {
            Process host = runHost(new AgentChild(args(",flush=2s"), stderr).sleeping(4_000, 3)
                    .jvmOptions("-Xlog:class+load=info:file=" + classLog)
                    .aws(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(), "AWS_ROLE_ARN", FakeSts.ROLE_ARN,
                            "AWS_ENDPOINT_URL_STS", sts.endpoint().toString(),
                            "AWS_SHARED_CREDENTIALS_FILE", empty.toString(), "AWS_CONFIG_FILE", empty.toString())));
            String log = Files.readString(stderr.toPath(), StandardCharsets.UTF_8);

            assertEquals(3, host.exitValue(), log);
            assertFalse(fake.seqs().isEmpty(), "no sample arrived:\n" + log);
            assertEquals(List.of(), fake.signatureProblems(), log);
            assertTrue(fake.securityTokens().stream().allMatch(FakeSts.SESSION_TOKEN::equals),
                    fake.securityTokens().toString());
            assertEquals(1, sts.requests().size(), "one AssumeRoleWithWebIdentity, then the cached credentials");
        }
        List<String> loaded = Files.readAllLines(classLog);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.roxxane.agent.credentials.WebIdentityCredentials ")),
                "the class log does not show the agent's classes: " + classLog);
        List<String> stsClient = loaded.stream()
                .filter(l -> l.contains(" software.amazon.awssdk.services.sts.StsClient")
                        || l.contains(" software.amazon.awssdk.services.sts.DefaultStsClient")
                        || l.contains(" software.amazon.awssdk.services.sts.model."))
                .collect(Collectors.toList());
        assertEquals(List.of(), stsClient, "the SDK's generated STS client was loaded");
    }
}
