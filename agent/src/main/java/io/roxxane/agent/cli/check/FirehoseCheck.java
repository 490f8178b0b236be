package io.roxxane.agent.cli.check;

import io.roxxane.agent.aws.CallTimeouts;
import io.roxxane.agent.aws.TimedExchange;
import io.roxxane.agent.credentials.AgentCredentials;
import io.roxxane.agent.credentials.CredentialsChainFailure;
import io.roxxane.agent.sink.firehose.FirehoseRecordSender;
import io.roxxane.agent.sink.firehose.PackedRecord;
import io.roxxane.agent.sink.firehose.PutOutcome;
import io.roxxane.agent.sink.firehose.SdkFailureClassifier;
import io.roxxane.agent.sink.firehose.SecretRedactor;
import io.roxxane.agent.sink.firehose.ShipperTuning;

import io.roxxane.agent.identity.Identity;
import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigException;
import io.roxxane.agent.config.ConfigResolver;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.SampleEncoder;
import io.roxxane.schema.Column;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamRequest;

/**
 * {@code java -jar roxxane.jar check stream=NAME [region=… endpoint=…]}: tells the user, one
 * plain line per step, whether the agent could ship to this stream: the configuration parses,
 * a region and credentials are found (never printed), the stream exists and is ACTIVE, and a
 * test PutRecordBatch (the call the agent makes) is accepted. Exit 0 only if all hold.
 */
public final class FirehoseCheck {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** The service name of the test sample, so that it is easy to find and delete in S3. */
    public static final String CHECK_SERVICE = "roxxane-check";

    private static final CallTimeouts TIMEOUTS = new CallTimeouts(10_000, 20_000);
    private static final ShipperTuning TUNING = new ShipperTuning(200, 1_000, 1_000, TIMEOUTS, 0);

    private final PrintWriter out;
    private final Properties systemProperties;
    private final Map<String, String> environment;
    private boolean allHold = true;

    public FirehoseCheck(PrintWriter out) {
        this(out, System.getProperties(), System.getenv());
    }

    FirehoseCheck(PrintWriter out, Properties systemProperties, Map<String, String> environment) {
        this.out = out;
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** Runs every check; returns {@link #OK}, {@link #FAILED} or {@link #USAGE}. Never throws. */
    public int run(List<String> settings) {
        try {
            return runChecks(settings);
        } catch (Throwable t) {
            fail("check stopped on an unexpected error: " + SecretRedactor.redact(AgentLog.describe(t)));
            return FAILED;
        } finally {
            out.flush();
        }
    }

    private int runChecks(List<String> settings) {
        StringBuilder args = new StringBuilder();
        for (String setting : settings) {
            args.append(args.length() == 0 ? "" : ",").append(setting);
        }
        AgentConfig config;
        try {
            config = ConfigResolver.resolve(args.toString(), systemProperties, environment);
        } catch (ConfigException e) {
            fail("configuration: " + e.getMessage().replace("; the agent stays off", ""));
            return FAILED;
        }
        if (config.stream() == null) {
            out.println("usage: java -jar roxxane.jar check stream=NAME [region=NAME] [endpoint=URL]"
                    + " (the same settings as the agent; stream= is required)");
            return USAGE;
        }
        String stream = config.stream();
        ok("configuration parses: stream=" + stream
                + (config.region() != null ? ", region=" + config.region() : "")
                + (config.endpoint() != null ? ", endpoint=" + config.endpoint() : ""));

        String region = config.region();
        if (region != null) {
            ok("region " + region + " (from region=)");
        } else {
            try {
                region = new DefaultAwsRegionProviderChain().getRegion().id();
                ok("region " + region + " (from the SDK's chain: AWS_REGION, profile or instance metadata)");
            } catch (Exception e) {
                fail("no AWS region found: set region=NAME or AWS_REGION");
                return FAILED;
            }
        }
        if (config.endpoint() != null) {
            ok("endpoint " + config.endpoint() + " (from endpoint=)");
        }

        TimedExchange sts = TimedExchange.open(TIMEOUTS);
        AwsCredentialsProviderChain credentials = AgentCredentials.chain(region, sts, TIMEOUTS.attemptMillis());
        try {
            if (!credentialsFound(credentials)) {
                return FAILED;
            }
            SdkFailureClassifier classifier = new SdkFailureClassifier(stream,
                    FirehoseRecordSender.describeTarget(region, config.endpoint()), false);
            FirehoseConnection connection = FirehoseClientFactory.create(region, config.endpoint(), TIMEOUTS,
                    credentials);
            try {
                describe(connection.client(), stream, region, classifier);
            } finally {
                connection.close();
            }
            testPut(stream, region, config, classifier);
        } finally {
            credentials.close();
            sts.close();
        }
        if (allHold) {
            out.println("All checks passed: the agent can ship to Firehose stream '" + stream + "'.");
            return OK;
        }
        out.println("Some checks failed: fix what is marked FAIL above and run check again.");
        return FAILED;
    }

    /** The agent's own chain ({@link AgentCredentials}), so that check finds what the agent will. */
    private boolean credentialsFound(AwsCredentialsProvider chain) {
        try {
            AwsCredentials credentials = chain.resolveCredentials();
            // Recent SDKs give short feature codes here rather than provider names: show only names.
            String provider = credentials.providerName().orElse("");
            ok("credentials found by the SDK's default chain of sources"
                    + (provider.length() > 3 ? " (" + provider + ")" : "") + "; not shown");
            return true;
        } catch (Exception e) {
            String configured = CredentialsChainFailure.configuredSourceReason(e.getMessage());
            fail(configured.isEmpty()
                    ? "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run"
                            + " with an instance, task or pod role"
                    : "no AWS credentials" + configured);
            return false;
        }
    }

    private void describe(FirehoseClient client, String stream, String region, SdkFailureClassifier classifier) {
        try {
            DeliveryStreamDescription description = client.describeDeliveryStream(
                    DescribeDeliveryStreamRequest.builder().deliveryStreamName(stream).build())
                    .deliveryStreamDescription();
            String status = description.deliveryStreamStatusAsString();
            if ("ACTIVE".equals(status)) {
                ok("stream '" + stream + "' exists and is ACTIVE (" + description.deliveryStreamTypeAsString() + ")");
            } else {
                fail("stream '" + stream + "' exists but is " + status + ": wait until it is ACTIVE"
                        + (status != null && status.contains("FAILED") ? ", or delete and re-create it" : ""));
            }
        } catch (AwsServiceException e) {
            if (e.statusCode() == 403 || "AccessDeniedException".equals(errorCode(e))) {
                fail("not allowed to describe stream '" + stream + "' (" + errorCode(e) + "): grant"
                        + " firehose:DescribeDeliveryStream to run this check (the agent itself needs only"
                        + " firehose:PutRecordBatch)");
            } else if ("ResourceNotFoundException".equals(errorCode(e))) {
                fail("stream '" + stream + "' not found in region " + region + ": create it (java -jar"
                        + " provisioner.jar) or fix stream=/region=");
            } else {
                fail("describing stream '" + stream + "' failed: " + classifier.classify(e).userMessage());
            }
        } catch (Exception e) {
            fail("describing stream '" + stream + "' failed: " + classifier.classify(e).userMessage());
        }
    }

    /** The agent's own PutRecordBatch path ({@link FirehoseRecordSender}), one sample. */
    private void testPut(String stream, String region, AgentConfig config, SdkFailureClassifier classifier) {
        Identity identity = Identity.ofThisJvm(CHECK_SERVICE, Collections.<String, String>emptyMap(),
                config.intervalMillis());
        Sample sample = new Sample();
        sample.set(Column.TS, System.currentTimeMillis()).set(Column.SEQ, 0L);
        identity.writeTo(sample);
        byte[] line = new SampleEncoder().encode(sample);
        FirehoseRecordSender sender = new FirehoseRecordSender(stream, region, config.endpoint(), TUNING,
                classifier);
        try {
            PutOutcome outcome = sender.put(Collections.singletonList(new PackedRecord(line, 1)), 0);
            if (outcome.failure() != null) {
                fail("test put failed: " + outcome.failure().userMessage());
            } else if (!outcome.failedIndexes().isEmpty()) {
                fail("test put: Firehose did not take the record (" + outcome.firstErrorCode()
                        + "); try again in a minute");
            } else {
                ok("test put accepted (PutRecordBatch, 1 sample with service=" + CHECK_SERVICE + ", instance_id="
                        + identity.instanceId() + "); it lands with the stream's other data");
            }
        } finally {
            sender.close();
        }
    }

    /** The error code, or {@code HTTP <status>} when the answer had none (not JSON, say). */
    private static String errorCode(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null || code.isEmpty() ? "HTTP " + e.statusCode() : code;
    }

    private void ok(String line) {
        out.println("OK    " + line);
    }

    private void fail(String line) {
        allHold = false;
        out.println("FAIL  " + SecretRedactor.redact(line));
    }
}
