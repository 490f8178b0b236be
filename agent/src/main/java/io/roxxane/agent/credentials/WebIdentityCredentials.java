package io.roxxane.agent.credentials;

import io.roxxane.agent.aws.SignedFirehoseCall;
import io.roxxane.agent.aws.StsEndpoint;
import io.roxxane.agent.aws.TimedExchange;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.utils.ToString;
import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.RefreshResult;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Credentials from a web identity token file (EKS IRSA, and any OIDC federation configured the
 * same way), in the place of the SDK's {@code WebIdentityTokenFileCredentialsProvider} in the
 * agent's chain ({@link AgentCredentials}). Same settings ({@code AWS_WEB_IDENTITY_TOKEN_FILE},
 * {@code AWS_ROLE_ARN}, {@code AWS_ROLE_SESSION_NAME} or their {@code aws.*} system properties),
 * same default session name, same cache (the SDK's {@link CachedSupplier}: refreshed from 5
 * minutes before expiry, required from 1 minute before), the token file read again at each
 * refresh as the SDK does (it rotates).
 *
 * <p>What differs is the call: {@code AssumeRoleWithWebIdentity} is unsigned, so it is one form
 * POST over the agent's own HTTP client ({@link TimedExchange}) to the STS endpoint of the agent's
 * {@code region=} ({@link StsEndpoint}), read by {@link WebIdentityAnswer}. The SDK's provider
 * builds a generated STS client for it, which loads some 1,600 classes and 7 MB of metaspace into
 * the host (docs/BENCHMARKS.md, "Credentials from web identity"). Throttling, STS's 5xx, its
 * {@code IDPCommunicationError} and network failures are tried three times, as the SDK's STS client
 * does.
 */
final class WebIdentityCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
    /** This provider's name in the chain's messages and on the credentials. */
    static final String NAME = "WebIdentityCredentials";
    static final Duration PREFETCH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    static final Duration STALE_BEFORE_EXPIRY = Duration.ofMinutes(1);
    static final int ATTEMPTS = 3;
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    private static final Set<String> RETRYABLE_CODES = new HashSet<String>(Arrays.asList(
            "IDPCommunicationError", "Throttling", "ThrottlingException", "RequestLimitExceeded",
            "RequestThrottled", "TooManyRequestsException"));

    /** Waits between attempts; tests pass one that does not. */
    interface Pause {
        void millis(long millis) throws InterruptedException;
    }

    private final RuntimeException notConfigured;
    private final Path tokenFile;
    private final String roleArn;
    private final String sessionName;
    private final URI endpoint;
    private final TimedExchange exchange;
    private final long attemptMillis;
    private final Pause pause;
    private final String userAgent;
    private final CachedSupplier<AwsSessionCredentials> cache;

    private WebIdentityCredentials(RuntimeException notConfigured, Path tokenFile, String roleArn, String sessionName,
            URI endpoint, TimedExchange exchange, long attemptMillis, Pause pause, Clock clock) {
        this.notConfigured = notConfigured;
        this.tokenFile = tokenFile;
        this.roleArn = roleArn;
        this.sessionName = sessionName;
        this.endpoint = endpoint;
        this.exchange = exchange;
        this.attemptMillis = attemptMillis;
        this.pause = pause;
        this.userAgent = SignedFirehoseCall.userAgent();
        this.cache = notConfigured != null ? null
                : CachedSupplier.builder(this::refresh).cachedValueName(NAME).clock(clock).build();
    }

    /**
     * From the settings the SDK reads. When the token file or the role is not set, or the region
     * has no STS endpoint, the provider only throws why, as the SDK's does: the chain goes on to
     * the next source.
     */
    static WebIdentityCredentials fromSettings(String region, TimedExchange exchange, long attemptMillis) {
        try {
            Path tokenFile = Paths.get(SdkSystemSetting.AWS_WEB_IDENTITY_TOKEN_FILE.getStringValueOrThrow().trim());
            String roleArn = SdkSystemSetting.AWS_ROLE_ARN.getStringValueOrThrow().trim();
            String sessionName = SdkSystemSetting.AWS_ROLE_SESSION_NAME.getStringValue()
                    .orElse("aws-sdk-java-" + System.currentTimeMillis());
            return create(tokenFile, roleArn, sessionName, StsEndpoint.resolve(region), exchange,
                    attemptMillis, WebIdentityCredentials::sleep, Clock.systemUTC());
        } catch (RuntimeException e) {
            return new WebIdentityCredentials(e, null, null, null, null, null, 0, null, Clock.systemUTC());
        }
    }

    static WebIdentityCredentials create(Path tokenFile, String roleArn, String sessionName, URI endpoint,
            TimedExchange exchange, long attemptMillis, Pause pause, Clock clock) {
        return new WebIdentityCredentials(null, tokenFile, roleArn, sessionName, endpoint, exchange, attemptMillis,
                pause, clock);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        if (notConfigured != null) {
            throw notConfigured;
        }
        return cache.get();
    }

    private RefreshResult<AwsSessionCredentials> refresh() {
        WebIdentityAnswer.Credentials answer = assumeRole();
        AwsSessionCredentials credentials = AwsSessionCredentials.builder()
                .accessKeyId(answer.accessKeyId)
                .secretAccessKey(answer.secretAccessKey)
                .sessionToken(answer.sessionToken)
                .expirationTime(answer.expiration)
                .accountId(answer.accountId)
                .providerName(NAME)
                .build();
        return RefreshResult.builder(credentials)
                .staleTime(answer.expiration.minus(STALE_BEFORE_EXPIRY))
                .prefetchTime(answer.expiration.minus(PREFETCH_BEFORE_EXPIRY))
                .build();
    }

    /** One call, tried again on throttling, STS's 5xx and network failures. */
    private WebIdentityAnswer.Credentials assumeRole() {
        byte[] form = form(readToken());
        for (int attempt = 1; ; attempt++) {
            SdkClientException failure;
            boolean retryable;
            try {
                TimedExchange.Response response = exchange.call(request(form.length),
                        ContentStreamProvider.fromByteArrayUnsafe(form), attemptMillis);
                if (response.status == 200) {
                    try {
                        return WebIdentityAnswer.credentials(response.body);
                    } catch (WebIdentityAnswer.Malformed e) {
                        throw SdkClientException.create(what() + " answered HTTP 200 without credentials: "
                                + e.getMessage(), e);
                    }
                }
                WebIdentityAnswer.ErrorAnswer error = WebIdentityAnswer.error(response.body);
                failure = SdkClientException.create(what() + " refused: HTTP " + response.status
                        + (error.code != null ? " " + error.code : "")
                        + (error.message != null ? ": " + error.message : ""));
                retryable = response.status >= 500 || RETRYABLE_CODES.contains(error.code);
            } catch (IOException e) {
                failure = SdkClientException.create(what() + " failed: " + e, e);
                retryable = true;
            }
            if (!retryable || attempt == ATTEMPTS) {
                throw failure;
            }
            try {
                long backoff = 100L << (attempt - 1);
                pause.millis(backoff + ThreadLocalRandom.current().nextLong(backoff));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    private String what() {
        return "STS AssumeRoleWithWebIdentity at " + endpoint.getHost() + " for role " + roleArn;
    }

    /** As the SDK: the file's whole content, read again at each refresh. Never logged. */
    private String readToken() {
        try {
            return new String(Files.readAllBytes(tokenFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SdkClientException.create("cannot read the web identity token file " + tokenFile
                    + " (AWS_WEB_IDENTITY_TOKEN_FILE): " + e, e);
        }
    }

    /** The query protocol's form, parameters in the order the SDK's STS client writes them. */
    private byte[] form(String token) {
        return ("Action=AssumeRoleWithWebIdentity&Version=2011-06-15"
                + "&RoleArn=" + SdkHttpUtils.urlEncode(roleArn)
                + "&RoleSessionName=" + SdkHttpUtils.urlEncode(sessionName)
                + "&WebIdentityToken=" + SdkHttpUtils.urlEncode(token)).getBytes(StandardCharsets.UTF_8);
    }

    private SdkHttpFullRequest request(int length) {
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        return SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("User-Agent", userAgent)
                .putHeader("Content-Length", Integer.toString(length))
                .build();
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    @Override
    public void close() {
        if (cache != null) {
            cache.close();
        }
    }

    @Override
    public String toString() {
        return ToString.create(NAME);
    }
}
