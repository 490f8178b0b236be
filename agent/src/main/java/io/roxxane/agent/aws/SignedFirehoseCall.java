package io.roxxane.agent.aws;


import io.roxxane.agent.identity.AgentVersion;
import java.io.IOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * One Firehose JSON 1.1 call at a time, sent with the AWS SDK v2's own parts and nothing of its
 * generated client: credentials from the caller's {@link CredentialsSource} (the agent's chain), the request signed by its
 * SigV4 signer ({@code http-auth-aws}), sent by its URL-connection HTTP client, the endpoint from
 * its Firehose endpoint rules. Skipping the generated client's machinery (interceptors, retries,
 * marshallers, and the metadata of every AWS service it loads while being built) keeps the agent
 * some 1,300 classes and several MB of heap and metaspace smaller inside the host
 * (docs/BENCHMARKS.md, "Against other agents").
 *
 * <p>Each call is held to a deadline ({@link TimedExchange}). Build it on the sender thread:
 * building resolves the region and the endpoint and may read files.
 */
public final class SignedFirehoseCall implements AutoCloseable {
    private static final String SIGNING_NAME = "firehose";

    private final String region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final TimedExchange exchange;
    private final String userAgent = userAgent();

    private SignedFirehoseCall(String region, URI endpoint, AwsCredentialsProvider credentials,
            TimedExchange exchange) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.exchange = exchange;
    }

    /** {@code roxxane/<version> aws-sdk-java/<version> md/http#UrlConnection}. */
    public static String userAgent() {
        return "roxxane/" + AgentVersion.get() + " aws-sdk-java/" + VersionInfo.SDK_VERSION + " md/http#UrlConnection";
    }

    /**
     * @param region null for the SDK's region chain
     * @param endpoint null for the endpoint settings and rules ({@link FirehoseEndpoint})
     * @throws RuntimeException when no region is found (the SDK's "Unable to load region")
     */
    public static SignedFirehoseCall create(String region, URI endpoint, CallTimeouts timeouts,
            CredentialsSource credentialsSource) {
        String resolvedRegion = region != null ? region : new DefaultAwsRegionProviderChain().getRegion().id();
        URI target = FirehoseEndpoint.resolve(endpoint, resolvedRegion);
        TimedExchange exchange = TimedExchange.open(timeouts); // for the credentials' calls (STS) and Firehose's
        try {
            AwsCredentialsProvider credentials = credentialsSource.open(resolvedRegion, exchange);
            return new SignedFirehoseCall(resolvedRegion, target, credentials, exchange);
        } catch (RuntimeException | Error e) {
            exchange.close();
            throw e;
        }
    }

    /**
     * Signs and sends {@code body} as {@code target}, reading the whole answer.
     *
     * @throws IOException on network failures and {@link TimedExchange.DeadlineExceeded} past the deadline
     * @throws RuntimeException from the credentials chain (no credentials) or the signer
     */
    public TimedExchange.Response send(String target, byte[] body, long deadlineMillis) throws IOException {
        SignedRequest signed = sign(target, body);
        return exchange.call(signed.request(), signed.payload().orElse(ContentStreamProvider.fromByteArrayUnsafe(body)),
                deadlineMillis);
    }

    /**
     * Resolves the credentials and signs {@code body} without sending it: loads and runs once what
     * every call needs, so that the first real call costs no more than the others.
     *
     * @throws RuntimeException when no credentials are found (the first call says so too)
     */
    public void warmUp(String target, byte[] body) {
        sign(target, body);
    }

    private SignedRequest sign(String target, byte[] body) {
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath(path)
                .putHeader("Content-Type", PutRecordBatchJson.CONTENT_TYPE)
                .putHeader("X-Amz-Target", target)
                .putHeader("User-Agent", userAgent)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        ContentStreamProvider payload = ContentStreamProvider.fromByteArrayUnsafe(body);
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(request)
                .payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        return signed;
    }

    @Override
    public void close() {
        try {
            if (credentials instanceof AutoCloseable) {
                ((AutoCloseable) credentials).close();
            }
        } catch (Exception ignored) {
            // closing is best effort
        }
        exchange.close();
    }
}
