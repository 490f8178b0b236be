package io.roxxane.agent.credentials;

import io.roxxane.agent.aws.CallTimeouts;
import io.roxxane.agent.aws.CallTimer;
import io.roxxane.agent.aws.StsEndpoint;
import io.roxxane.agent.aws.TimedExchange;
import io.roxxane.agent.fakes.FakeSts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * {@link WebIdentityCredentials} against a local STS ({@link FakeSts}). The SDK's own provider is
 * the oracle for what goes over the wire and what comes back.
 */
class WebIdentityCredentialsTest {
    /** Characters the form encoding must carry: a JWT's, plus a few it must escape. */
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2ln+/=_-~ %&é\n";
    private static final Instant START = Instant.parse("2026-12-03T20:00:00Z");

    @TempDir
    Path directory;
    private FakeSts sts;
    private SdkHttpClient http;
    private ScheduledThreadPoolExecutor timer;
    private Path tokenFile;
    private final MutableClock clock = new MutableClock(START);
    private final List<Long> pauses = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sts = new FakeSts();
        sts.expiration = START.plus(Duration.ofHours(1));
        http = TimedExchange.httpClient(new CallTimeouts(5_000, 10_000)).build();
        timer = CallTimer.create();
        tokenFile = Files.write(directory.resolve("token"), TOKEN.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        sts.close();
        http.close();
        timer.shutdownNow();
    }

    private WebIdentityCredentials provider(URI endpoint, long attemptMillis) {
        return WebIdentityCredentials.create(tokenFile, FakeSts.ROLE_ARN, "roxxane-test", endpoint,
                new TimedExchange(http, timer), attemptMillis, pauses::add, clock);
    }

    private WebIdentityCredentials provider() {
        return provider(sts.endpoint(), 5_000);
    }

    @Test
    void resolve_sendsWhatTheSdkStsClientSendsAndReadsWhatItReads() {
        System.setProperty("aws.endpointUrlSts", sts.endpoint().toString());
        System.setProperty("aws.region", "eu-west-1");
        AwsSessionCredentials sdk;
        try (WebIdentityTokenFileCredentialsProvider oracle = WebIdentityTokenFileCredentialsProvider.builder()
                .webIdentityTokenFile(tokenFile).roleArn(FakeSts.ROLE_ARN).roleSessionName("roxxane-test").build()) {
            sdk = (AwsSessionCredentials) oracle.resolveCredentials();
        } finally {
            System.clearProperty("aws.endpointUrlSts");
            System.clearProperty("aws.region");
        }
        AwsSessionCredentials ours = (AwsSessionCredentials) provider().resolveCredentials();

        assertEquals(2, sts.requests().size());
        FakeSts.Request expected = sts.requests().get(0);
        FakeSts.Request actual = sts.requests().get(1);
        assertEquals(expected.method, actual.method);
        assertEquals(expected.path, actual.path);
        assertEquals(new ArrayList<>(expected.form.entrySet()), new ArrayList<>(actual.form.entrySet()),
                "the same parameters in the same order");
        assertEquals(TOKEN, actual.form.get("WebIdentityToken"), "the file's whole content, as the SDK sends it");
        assertEquals(expected.headers.get("content-type"), actual.headers.get("content-type"));
        assertNull(actual.headers.get("authorization"), "AssumeRoleWithWebIdentity is not signed");
        assertNull(expected.headers.get("authorization"));

        assertEquals(sdk.accessKeyId(), ours.accessKeyId());
        assertEquals(sdk.secretAccessKey(), ours.secretAccessKey());
        assertEquals(sdk.sessionToken(), ours.sessionToken());
        assertEquals(sdk.expirationTime(), ours.expirationTime());
        assertEquals(sdk.accountId(), ours.accountId());
        assertEquals(FakeSts.ACCESS_KEY_ID, ours.accessKeyId());
        assertEquals("123456789012", ours.accountId().orElse(null));
        assertEquals(WebIdentityCredentials.NAME, ours.providerName().orElse(null));
    }

    @Test
    void resolve_beforePrefetchTime_usesTheCachedCredentials() {
        WebIdentityCredentials provider = provider();
        AwsCredentials first = provider.resolveCredentials();
        clock.set(START.plus(Duration.ofMinutes(54)));
        assertSame(first, provider.resolveCredentials());
        assertEquals(1, sts.requests().size());
    }

    @Test
    void resolve_whenStale_callsAgainWithTheTokenFileReadAgain() throws IOException {
        WebIdentityCredentials provider = provider();
        provider.resolveCredentials();
        Files.write(tokenFile, "rotated-token".getBytes(StandardCharsets.UTF_8));
        sts.accessKeyId = "ASIAFAKESTSFAKESTS02";
        sts.expiration = START.plus(Duration.ofHours(2));
        clock.set(START.plus(Duration.ofMinutes(59)).plusSeconds(30));

        AwsSessionCredentials renewed = (AwsSessionCredentials) provider.resolveCredentials();

        assertEquals("ASIAFAKESTSFAKESTS02", renewed.accessKeyId());
        assertEquals(2, sts.requests().size());
        assertEquals("rotated-token", sts.requests().get(1).form.get("WebIdentityToken"));
    }

    @Test
    void resolve_whenRefreshFailsBeforeStaleTime_keepsTheCachedCredentials() {
        WebIdentityCredentials provider = provider();
        AwsCredentials first = provider.resolveCredentials();
        // past the latest (jittered) prefetch time, 2 minutes before expiry; before the stale time
        clock.set(START.plus(Duration.ofMinutes(58)).plusSeconds(30));
        sts.then(FakeSts.Reply.error(500, "InternalFailure", "try later"), FakeSts.Reply.error(500, "InternalFailure",
                "try later"), FakeSts.Reply.error(500, "InternalFailure", "try later"));

        assertSame(first, provider.resolveCredentials());
        assertEquals(1 + WebIdentityCredentials.ATTEMPTS, sts.requests().size());
    }

    @Test
    void resolve_whenRefreshFailsAfterStaleTime_throwsStsReason() {
        WebIdentityCredentials provider = provider();
        provider.resolveCredentials();
        clock.set(START.plus(Duration.ofMinutes(59)).plusSeconds(30));
        sts.then(FakeSts.Reply.error(400, "ExpiredTokenException", "Token expired: current date/time 1 must be before"
                + " the expiration date/time 0"));

        RuntimeException e = assertThrows(RuntimeException.class, provider::resolveCredentials);
        assertTrue(e.getMessage().contains("HTTP 400 ExpiredTokenException: Token expired"), e.getMessage());
    }

    @Test
    void resolve_whenStsRefuses_namesCodeMessageAndRoleButNeverTheToken() {
        sts.then(FakeSts.Reply.error(400, "InvalidIdentityToken",
                "Couldn't retrieve verification key from your identity provider"));

        RuntimeException e = assertThrows(RuntimeException.class, provider()::resolveCredentials);

        assertEquals("STS AssumeRoleWithWebIdentity at 127.0.0.1 for role " + FakeSts.ROLE_ARN + " refused: HTTP 400"
                + " InvalidIdentityToken: Couldn't retrieve verification key from your identity provider", e.getMessage());
        assertEquals(1, sts.requests().size(), "a refusal is not tried again");
    }

    @Test
    void resolve_whenThrottledOrServerError_triesAgainWithGrowingPauses() {
        sts.then(FakeSts.Reply.error(400, "Throttling", "Rate exceeded"), new FakeSts.Reply(503, "", 0));

        AwsCredentials credentials = provider().resolveCredentials();

        assertEquals(FakeSts.ACCESS_KEY_ID, credentials.accessKeyId());
        assertEquals(3, sts.requests().size());
        assertEquals(2, pauses.size());
        assertTrue(pauses.get(0) >= 100 && pauses.get(0) < 200, pauses.toString());
        assertTrue(pauses.get(1) >= 200 && pauses.get(1) < 400, pauses.toString());
    }

    @Test
    void resolve_whenStsKeepsFailing_givesUpAfterThreeAttempts() {
        sts.then(FakeSts.Reply.error(500, "InternalFailure", "a"), FakeSts.Reply.error(500, "InternalFailure", "b"),
                FakeSts.Reply.error(500, "InternalFailure", "c"));

        RuntimeException e = assertThrows(RuntimeException.class, provider()::resolveCredentials);

        assertTrue(e.getMessage().endsWith("refused: HTTP 500 InternalFailure: c"), e.getMessage());
        assertEquals(WebIdentityCredentials.ATTEMPTS, sts.requests().size());
    }

    @Test
    void resolve_whenNoAnswerWithinTheAttemptTime_failsNamingTheDeadline() {
        sts.then(FakeSts.Reply.hang(3_000), FakeSts.Reply.hang(3_000), FakeSts.Reply.hang(3_000));

        RuntimeException e = assertThrows(RuntimeException.class, provider(sts.endpoint(), 300)::resolveCredentials);

        assertTrue(e.getMessage().contains("no answer within 300 ms"), e.getMessage());
    }

    @Test
    void resolve_whenNothingListens_failsNamingTheConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RuntimeException e = assertThrows(RuntimeException.class,
                provider(URI.create("http://127.0.0.1:" + closedPort), 2_000)::resolveCredentials);

        assertTrue(e.getMessage().startsWith("STS AssumeRoleWithWebIdentity at 127.0.0.1 for role " + FakeSts.ROLE_ARN
                + " failed: java.net.ConnectException"), e.getMessage());
    }

    @Test
    void resolve_whenAnswerIsNotCredentials_saysSoWithoutTryingAgain() {
        sts.then(new FakeSts.Reply(200, "<html><body>captive portal</body></html>", 0));

        RuntimeException e = assertThrows(RuntimeException.class, provider()::resolveCredentials);

        assertTrue(e.getMessage().endsWith("answered HTTP 200 without credentials: no AccessKeyId in the answer"),
                e.getMessage());
        assertEquals(1, sts.requests().size());
    }

    @Test
    void resolve_whenTokenFileIsMissing_namesTheFileAndCallsNothing() throws IOException {
        Files.delete(tokenFile);

        RuntimeException e = assertThrows(RuntimeException.class, provider()::resolveCredentials);

        assertTrue(e.getMessage().startsWith("cannot read the web identity token file " + tokenFile
                + " (AWS_WEB_IDENTITY_TOKEN_FILE): java.nio.file.NoSuchFileException"), e.getMessage());
        assertTrue(sts.requests().isEmpty());
    }

    @Test
    void fromSettings_whenRoleIsNotSet_throwsWhyOnlyWhenAsked() {
        System.setProperty("aws.webIdentityTokenFile", tokenFile.toString());
        WebIdentityCredentials provider;
        try {
            provider = WebIdentityCredentials.fromSettings("eu-west-1", new TimedExchange(http, timer),
                    5_000);
        } finally {
            System.clearProperty("aws.webIdentityTokenFile");
        }

        RuntimeException e = assertThrows(RuntimeException.class, provider::resolveCredentials);

        assertTrue(e.getMessage().contains("aws.roleArn") && e.getMessage().contains("AWS_ROLE_ARN"), e.getMessage());
        assertTrue(sts.requests().isEmpty());
    }

    @Test
    void stsEndpoint_isTheAgentsRegionsUnlessAUrlIsConfigured() {
        assertEquals(URI.create("https://sts.eu-central-1.amazonaws.com"), StsEndpoint.resolve("eu-central-1"));
        assertEquals(URI.create("https://sts.cn-north-1.amazonaws.com.cn"), StsEndpoint.resolve("cn-north-1"));
        System.setProperty("aws.endpointUrlSts", "http://localhost:5000");
        try {
            assertEquals(URI.create("http://localhost:5000"), StsEndpoint.resolve("eu-central-1"));
        } finally {
            System.clearProperty("aws.endpointUrlSts");
        }
    }

    @Test
    void toString_isTheNameTheChainReportsFailuresUnder() {
        assertEquals(WebIdentityCredentials.NAME + "()", provider().toString());
        assertFalse(provider().toString().contains(FakeSts.ROLE_ARN));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
