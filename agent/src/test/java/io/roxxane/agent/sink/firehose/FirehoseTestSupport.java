package io.roxxane.agent.sink.firehose;


import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.fakes.FakeFirehose;
import io.roxxane.agent.config.ConfigResolver;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.stats.AgentStats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/** Builds sinks against a {@link FakeFirehose} and samples with a known {@code seq}. */
public final class FirehoseTestSupport {
    public static final String STREAM = "test-stream";
    /** Credentials the SDK's default chain finds as system properties; never to appear in a log line. */
    public static final String ACCESS_KEY_ID = "AKIAFAKEFAKEFAKEFAKE";
    public static final String SECRET_KEY = "fakeSecretKeyThatMustNeverBeLogged0123456";

    private FirehoseTestSupport() {
    }

    public static void useFakeCredentials() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }

    public static void clearFakeCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    public static AgentConfig config(FakeFirehose fake, String extraArgs) throws Exception {
        return ConfigResolver.resolve("stream=" + STREAM + ",region=us-east-1,endpoint=" + fake.endpoint()
                + (extraArgs.contains("flush=") ? "" : ",flush=1s") + ",buffer=1MiB" + extraArgs, new Properties(), Map.of());
    }

    public static FirehoseSink sink(FakeFirehose fake, AgentStats stats, String extraArgs) throws Exception {
        return sink(config(fake, extraArgs), stats, 5_000);
    }

    /**
     * A sink with the shrunken tuning ({@link ShipperTuning#forTests}: 20-200 ms backoff): for the
     * tests of logic (what is re-sent, counted, spooled), which would otherwise wait for minutes.
     * Timing under the production tuning is tested with the built jar in child JVMs
     * ({@code ShutdownAfterOutageIT}, {@code FirehoseSinkIT}).
     */
    public static FirehoseSink sink(AgentConfig config, AgentStats stats, long attemptTimeoutMillis) throws Exception {
        ShipperTuning tuning = ShipperTuning.forTests(attemptTimeoutMillis);
        return FirehoseSink.create(config, stats, java.util.UUID.randomUUID().toString(), tuning,
                new FirehoseRecordSender(config.stream(), config.region(), config.endpoint(), tuning));
    }

    /** A sample line of about {@code size} bytes carrying {@code seq}. */
    public static EncodedSample sample(long seq, int size) {
        String head = "{\"ts\":" + (1_700_000_000_000L + seq) + ",\"seq\":" + seq + ",\"service\":\"svc\",\"pad\":\"";
        StringBuilder line = new StringBuilder(head);
        while (line.length() < size - 3) {
            line.append('x');
        }
        line.append("\"}\n");
        return new EncodedSample(1_700_000_000_000L + seq, seq, "svc", line.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static EncodedSample sample(long seq) {
        return sample(seq, 1_000);
    }

    /** Polls until the condition holds; fails after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    public static long deadlineIn(Duration d) {
        return System.nanoTime() + d.toNanos();
    }
}
