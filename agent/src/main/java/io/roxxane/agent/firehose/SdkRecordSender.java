package io.roxxane.agent.firehose;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * {@link RecordSender} over the AWS SDK's Firehose client, built on first use (on the
 * sender thread) and rebuilt after a failure to build it (no region yet, say).
 */
final class SdkRecordSender implements RecordSender {
    private final String stream;
    private final String region;
    private final URI endpoint;
    private final ShipperTuning tuning;
    private final SdkFailureClassifier classifier;
    private FirehoseConnection connection;

    SdkRecordSender(String stream, String region, URI endpoint, ShipperTuning tuning) {
        this.stream = stream;
        this.region = region;
        this.endpoint = endpoint;
        this.tuning = tuning;
        this.classifier = new SdkFailureClassifier(stream, describeTarget(region, endpoint));
    }

    static String describeTarget(String region, URI endpoint) {
        if (endpoint != null) {
            return "endpoint " + endpoint;
        }
        return region != null ? "region " + region : "the SDK's default region";
    }

    @Override
    public PutOutcome put(List<PackedRecord> records, long timeoutMillis) {
        try {
            if (connection == null) {
                connection = FirehoseClientFactory.create(region, endpoint, tuning);
            }
            List<Record> sdkRecords = new ArrayList<Record>(records.size());
            for (PackedRecord record : records) {
                sdkRecords.add(Record.builder().data(SdkBytes.fromByteArrayUnsafe(record.data())).build());
            }
            PutRecordBatchRequest.Builder request = PutRecordBatchRequest.builder()
                    .deliveryStreamName(stream)
                    .records(sdkRecords);
            if (timeoutMillis > 0) {
                Duration call = Duration.ofMillis(timeoutMillis);
                Duration attempt = Duration.ofMillis(Math.min(timeoutMillis, tuning.attemptTimeoutMillis));
                request.overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                        .apiCallTimeout(call).apiCallAttemptTimeout(attempt).build());
            }
            PutRecordBatchResponse response = connection.client().putRecordBatch(request.build());
            return toOutcome(response, records.size());
        } catch (Throwable t) {
            return PutOutcome.failed(classifier.classify(t));
        }
    }

    private static PutOutcome toOutcome(PutRecordBatchResponse response, int sent) {
        Integer failedCount = response.failedPutCount();
        List<Integer> failed = new ArrayList<Integer>();
        String firstCode = null;
        if (failedCount != null && failedCount > 0) {
            List<PutRecordBatchResponseEntry> entries = response.requestResponses();
            if (entries == null || entries.size() != sent) {
                for (int i = 0; i < sent; i++) {
                    failed.add(i); // answer does not say which: send all again (at least once)
                }
                firstCode = "FailedPutCount=" + failedCount;
            } else {
                for (int i = 0; i < sent; i++) {
                    String code = entries.get(i).errorCode();
                    if (code != null && !code.isEmpty()) {
                        failed.add(i);
                        if (firstCode == null) {
                            firstCode = code;
                        }
                    }
                }
                if (failed.isEmpty()) {
                    for (int i = 0; i < sent; i++) {
                        failed.add(i);
                    }
                    firstCode = "FailedPutCount=" + failedCount;
                }
            }
        }
        return PutOutcome.answered(failed, firstCode);
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (Throwable ignored) {
            // closing is best effort
        }
        connection = null;
    }
}
