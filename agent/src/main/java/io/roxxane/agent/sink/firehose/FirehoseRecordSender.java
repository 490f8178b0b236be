package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.aws.PutRecordBatchJson;
import io.roxxane.agent.aws.SignedFirehoseCall;
import io.roxxane.agent.aws.TimedExchange;

import io.roxxane.agent.credentials.AgentCredentials;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RecordSender} over a {@link SignedFirehoseCall}, built on first use (on the sender
 * thread) and rebuilt after a failure to build it (no region yet, say). Turns Firehose's answer
 * into a {@link PutOutcome}: a whole-call error through {@link SdkFailureClassifier}, or the
 * indexes of the records Firehose did not take.
 */
public final class FirehoseRecordSender implements RecordSender {
    private final String stream;
    private final String region;
    private final URI endpoint;
    private final ShipperTuning tuning;
    private final SdkFailureClassifier classifier;
    private SignedFirehoseCall call;

    public FirehoseRecordSender(String stream, String region, URI endpoint, ShipperTuning tuning) {
        this(stream, region, endpoint, tuning, new SdkFailureClassifier(stream, describeTarget(region, endpoint)));
    }

    /** @param classifier says what failures mean, for the agent or for {@code check} */
    public FirehoseRecordSender(String stream, String region, URI endpoint, ShipperTuning tuning,
            SdkFailureClassifier classifier) {
        this.stream = stream;
        this.region = region;
        this.endpoint = endpoint;
        this.tuning = tuning;
        this.classifier = classifier;
    }

    public static String describeTarget(String region, URI endpoint) {
        if (endpoint != null) {
            return "endpoint " + endpoint;
        }
        return region != null ? "region " + region : "the SDK's default region";
    }

    @Override
    public void prepare() {
        try {
            call().warmUp(PutRecordBatchJson.TARGET, PutRecordBatchJson.request(stream, new ArrayList<byte[]>()));
        } catch (Throwable t) {
            // the first put builds it again and says what is wrong
        }
    }

    private SignedFirehoseCall call() {
        if (call == null) {
            final long attemptMillis = tuning.calls.attemptMillis();
            call = SignedFirehoseCall.create(region, endpoint, tuning.calls,
                    (resolvedRegion, exchange) -> AgentCredentials.chain(resolvedRegion, exchange, attemptMillis));
        }
        return call;
    }

    @Override
    public PutOutcome put(List<PackedRecord> records, long timeoutMillis) {
        try {
            SignedFirehoseCall call = call();
            long deadline = Math.min(timeoutMillis > 0 ? timeoutMillis : tuning.calls.callMillis(),
                    tuning.calls.attemptMillis());
            TimedExchange.Response response = call.send(PutRecordBatchJson.TARGET,
                    PutRecordBatchJson.request(stream, PackedRecord.data(records)), deadline);
            if (response.status / 100 != 2) {
                PutRecordBatchJson.ErrorAnswer error = PutRecordBatchJson.error(response.errorType, response.body);
                return PutOutcome.failed(classifier.answered(response.status, error.code, error.message));
            }
            return toOutcome(PutRecordBatchJson.answer(response.body), records.size());
        } catch (Throwable t) {
            return PutOutcome.failed(classifier.classify(t));
        }
    }

    private static PutOutcome toOutcome(PutRecordBatchJson.Answer answer, int sent) {
        List<Integer> failed = new ArrayList<Integer>();
        String firstCode = null;
        if (answer.failedPutCount > 0) {
            List<String> codes = answer.errorCodes;
            if (codes != null && codes.size() == sent) {
                for (int i = 0; i < sent; i++) {
                    if (codes.get(i) != null) {
                        failed.add(i);
                        if (firstCode == null) {
                            firstCode = codes.get(i);
                        }
                    }
                }
            }
            if (failed.isEmpty()) { // the answer does not say which: send all again (at least once)
                for (int i = 0; i < sent; i++) {
                    failed.add(i);
                }
                firstCode = "FailedPutCount=" + answer.failedPutCount;
            }
        }
        return PutOutcome.answered(failed, firstCode);
    }

    @Override
    public void close() {
        try {
            if (call != null) {
                call.close();
            }
        } catch (Throwable ignored) {
            // closing is best effort
        }
        call = null;
    }
}
