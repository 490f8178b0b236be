package io.roxxane.agent.credentials;

import io.roxxane.agent.aws.CallTimeouts;
import io.roxxane.agent.aws.CallTimer;
import io.roxxane.agent.aws.TimedExchange;
import io.roxxane.agent.fakes.FakeFirehose;
import io.roxxane.agent.fakes.FakeSts;
import io.roxxane.agent.sink.firehose.FirehoseTestSupport;
import io.roxxane.agent.fakes.SigV4Verifier;
import io.roxxane.agent.sink.firehose.FirehoseRecordSender;
import io.roxxane.agent.sink.firehose.PackedRecord;
import io.roxxane.agent.sink.firehose.PutOutcome;
import io.roxxane.agent.sink.firehose.ShipperTuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The agent's chain ({@link AgentCredentials}) with web identity configured by system properties
 * (surefire keeps the shell's AWS variables out), against {@link FakeSts} and {@link FakeFirehose}.
 */
class AgentCredentialsTest {
    private static final List<String> PROPERTIES = List.of("aws.webIdentityTokenFile", "aws.roleArn",
            "aws.endpointUrlSts", "aws.disableEc2Metadata", "aws.sharedCredentialsFile", "aws.configFile");

    @TempDir
    Path directory;
    private FakeSts sts;
    private SdkHttpClient http;
    private ScheduledThreadPoolExecutor timer;

    @BeforeEach
    void webIdentity() throws IOException {
        sts = new FakeSts();
        http = TimedExchange.httpClient(new CallTimeouts(5_000, 10_000)).build();
        timer = CallTimer.create();
        Path token = Files.write(directory.resolve("token"), "eyJ.pod.token".getBytes(StandardCharsets.UTF_8));
        Path empty = Files.createFile(directory.resolve("empty"));
        System.setProperty("aws.webIdentityTokenFile", token.toString());
        System.setProperty("aws.roleArn", FakeSts.ROLE_ARN);
        System.setProperty("aws.endpointUrlSts", sts.endpoint().toString());
        // no other source answers: no profile files, no instance metadata
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.sharedCredentialsFile", empty.toString());
        System.setProperty("aws.configFile", empty.toString());
    }

    @AfterEach
    void clear() {
        PROPERTIES.forEach(System::clearProperty);
        FirehoseTestSupport.clearFakeCredentials();
        sts.close();
        http.close();
        timer.shutdownNow();
    }

    private AwsCredentialsProviderChain chain() {
        return AgentCredentials.chain(WebIdentityCredentials.fromSettings("us-east-1", new TimedExchange(http, timer),
                5_000));
    }

    @Test
    void chain_withOnlyWebIdentitySet_getsCredentialsFromSts() {
        try (AwsCredentialsProviderChain chain = chain()) {
            AwsCredentials credentials = chain.resolveCredentials();

            assertEquals(FakeSts.ACCESS_KEY_ID, credentials.accessKeyId());
            assertEquals(WebIdentityCredentials.NAME, credentials.providerName().orElse(null));
            assertEquals(1, sts.requests().size());
            assertEquals(FakeSts.ROLE_ARN, sts.requests().get(0).form.get("RoleArn"));
            assertTrue(sts.requests().get(0).form.get("RoleSessionName").startsWith("aws-sdk-java-"),
                    "the SDK's default session name");
        }
    }

    @Test
    void chain_withKeysInSystemPropertiesToo_usesTheKeysAndNeverCallsSts() {
        FirehoseTestSupport.useFakeCredentials();
        try (AwsCredentialsProviderChain chain = chain()) {
            assertEquals(FirehoseTestSupport.ACCESS_KEY_ID, chain.resolveCredentials().accessKeyId());
            assertTrue(sts.requests().isEmpty());
        }
    }

    @Test
    void chain_whenStsRefuses_failureGivesTheWebIdentityReasonForTheUser() {
        sts.then(FakeSts.Reply.error(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity"));
        RuntimeException e;
        try (AwsCredentialsProviderChain chain = chain()) {
            e = assertThrows(RuntimeException.class, chain::resolveCredentials);
        }
        Properties configured = new Properties();
        configured.setProperty("aws.webIdentityTokenFile", "/var/run/secrets/eks.amazonaws.com/serviceaccount/token");

        assertEquals("; web identity (AWS_WEB_IDENTITY_TOKEN_FILE) failed: STS AssumeRoleWithWebIdentity at 127.0.0.1"
                + " for role " + FakeSts.ROLE_ARN + " refused: HTTP 403 AccessDenied: Not authorized to perform"
                + " sts:AssumeRoleWithWebIdentity", CredentialsChainFailure.configuredSourceReason(e.getMessage(),
                        Map.of(), configured));
    }

    @Test
    void firehoseCall_withWebIdentity_isSignedWithTheSessionCredentials() throws Exception {
        try (FakeFirehose firehose = new FakeFirehose(FirehoseTestSupport.STREAM)) {
            firehose.requireSignatures(new SigV4Verifier(FakeSts.ACCESS_KEY_ID, FakeSts.SECRET_KEY, "us-east-1",
                    "firehose"));
            ShipperTuning tuning = ShipperTuning.DEFAULT;
            FirehoseRecordSender sender = new FirehoseRecordSender(FirehoseTestSupport.STREAM, "us-east-1",
                    firehose.endpoint(), tuning);
            try {
                for (long seq = 0; seq < 2; seq++) {
                    PutOutcome outcome = sender.put(Collections.singletonList(new PackedRecord(
                            FirehoseTestSupport.sample(seq, 200).jsonLine(), 1)), 5_000);
                    assertNull(outcome.failure(), () -> outcome.failure().userMessage());
                    assertTrue(outcome.failedIndexes().isEmpty());
                }
            } finally {
                sender.close();
            }

            assertTrue(firehose.signatureProblems().isEmpty(), firehose.signatureProblems().toString());
            assertEquals(List.of(FakeSts.SESSION_TOKEN, FakeSts.SESSION_TOKEN), firehose.securityTokens());
            assertEquals(1, sts.requests().size(), "the second call uses the cached credentials");
        }
    }
}
