package io.roxxane.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Firehose's documented processing of a Direct PUT stream into S3, applied to what an emulator
 * delivered raw, driven only by the stream's configuration as read back: the processors in their
 * order ({@code RecordDeAggregation} of JSON, then the {@code Lambda} — the real deployment jar
 * whose SHA-256 is the deployed code's), then the S3 prefix evaluated with the partition keys the
 * Lambda returned ({@code ProcessingFailed} records go to the error prefix). A processor it does
 * not know fails the test rather than being skipped.
 *
 * <p>Not applied: buffering (the emulator writes one object per call) and the Parquet conversion,
 * which the test replaces by checking every sample against the Glue table the conversion reads.
 */
final class FirehoseProcessing implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An object the emulator wrote: its key, bytes and write time (taken as the records' arrival). */
    record RawObject(String key, byte[] data, Instant arrival) {
    }

    /**
     * A record after processing: where Firehose would write it and what.
     *
     * @param keyPrefix     the evaluated prefix (or error prefix) it would land under
     * @param result        {@code Ok} or {@code ProcessingFailed}
     * @param data          the record's bytes after the Lambda
     * @param partitionKeys the Lambda's partition keys (empty unless Ok)
     * @param source        the raw object it came from
     */
    record Delivered(String keyPrefix, String result, byte[] data, Map<String, String> partitionKeys, String source) {
    }

    private final StreamConfiguration configuration;
    private final String streamArn;
    private final String region;
    private final List<Step> steps = new ArrayList<>();
    private final List<TransformJar> loaded = new ArrayList<>();

    /** One processor: records in, records out. */
    private interface Step {
        List<Delivered> apply(List<Delivered> records, Instant arrival) throws Exception;
    }

    /**
     * @param lambdaJar the deployment jar believed to be the Lambda's code; checked against the
     *                  deployed code's SHA-256 before it is used
     */
    FirehoseProcessing(StreamConfiguration configuration, String streamArn, String region, Path lambdaJar) throws Exception {
        this.configuration = configuration;
        this.streamArn = streamArn;
        this.region = region;
        for (StreamConfiguration.Processor processor : configuration.processors()) {
            switch (processor.type()) {
                case "RecordDeAggregation" -> {
                    String subRecordType = processor.parameters().getOrDefault("SubRecordType", "JSON");
                    if (!subRecordType.equals("JSON")) {
                        throw new AssertionError("deaggregation of " + subRecordType + " is not what the agent sends");
                    }
                    steps.add(FirehoseProcessing::deaggregate);
                }
                case "Lambda" -> {
                    String jarSha = Base64.getEncoder().encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(lambdaJar)));
                    if (!jarSha.equals(processor.codeSha256())) {
                        throw new AssertionError("the deployed Lambda code (" + processor.codeSha256() + ") is not " + lambdaJar
                                + " (" + jarSha + ")");
                    }
                    TransformJar function = TransformJar.load(lambdaJar, processor.handler());
                    loaded.add(function);
                    steps.add((records, arrival) -> invoke(function, records, arrival));
                }
                case "AppendDelimiterToRecord" -> steps.add(FirehoseProcessing::appendNewline);
                default -> throw new AssertionError("processor " + processor.type() + " is not emulated by this test");
            }
        }
    }

    /** Every record of every object, processed; in object order, then record order. */
    List<Delivered> process(List<RawObject> objects) throws Exception {
        List<Delivered> delivered = new ArrayList<>();
        for (RawObject object : objects) {
            delivered.addAll(process(object));
        }
        return delivered;
    }

    private List<Delivered> process(RawObject object) throws Exception {
        List<Delivered> records = List.of(new Delivered(null, "Ok", object.data(), Map.of(), object.key()));
        for (Step step : steps) {
            records = step.apply(records, object.arrival());
        }
        List<Delivered> placed = new ArrayList<>();
        for (Delivered record : records) {
            boolean ok = record.result().equals("Ok");
            String prefix = ok
                    ? PrefixExpression.evaluate(configuration.prefix(), record.partitionKeys(), object.arrival(), null)
                    : PrefixExpression.evaluate(configuration.errorOutputPrefix(), Map.of(), object.arrival(), "processing-failed");
            placed.add(new Delivered(prefix, record.result(), record.data(), record.partitionKeys(), record.source()));
        }
        return placed;
    }

    private static List<Delivered> deaggregate(List<Delivered> records, Instant arrival) {
        List<Delivered> out = new ArrayList<>();
        for (Delivered record : records) {
            for (byte[] part : JsonDeaggregation.split(record.data())) {
                out.add(new Delivered(null, record.result(), part, record.partitionKeys(), record.source()));
            }
        }
        return out;
    }

    private static List<Delivered> appendNewline(List<Delivered> records, Instant arrival) {
        List<Delivered> out = new ArrayList<>();
        for (Delivered record : records) {
            byte[] appended = Arrays.copyOf(record.data(), record.data().length + 1);
            appended[appended.length - 1] = '\n';
            out.add(new Delivered(null, record.result(), appended, record.partitionKeys(), record.source()));
        }
        return out;
    }

    /** One Lambda invocation over the records, checking the contract: every record answered once, in order. */
    private List<Delivered> invoke(TransformJar function, List<Delivered> records, Instant arrival) throws Exception {
        ObjectNode event = JSON.createObjectNode();
        event.put("invocationId", UUID.randomUUID().toString());
        event.put("deliveryStreamArn", streamArn);
        event.put("region", region);
        ArrayNode array = event.putArray("records");
        Map<String, Delivered> byId = new LinkedHashMap<>();
        for (Delivered record : records) {
            String id = "rec-" + byId.size();
            byId.put(id, record);
            array.addObject()
                    .put("recordId", id)
                    .put("approximateArrivalTimestamp", arrival.toEpochMilli())
                    .put("data", Base64.getEncoder().encodeToString(record.data()));
        }
        JsonNode response = JSON.readTree(function.invoke(JSON.writeValueAsBytes(event)));
        JsonNode answered = response.get("records");
        if (answered == null || !answered.isArray() || answered.size() != byId.size()) {
            throw new AssertionError("the transform must answer each of " + byId.size() + " records once: " + response);
        }
        List<Delivered> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(byId.keySet());
        for (int i = 0; i < answered.size(); i++) {
            JsonNode record = answered.get(i);
            String id = record.path("recordId").asText();
            if (!id.equals(ids.get(i))) {
                throw new AssertionError("record " + i + " answered as " + id + ", expected " + ids.get(i));
            }
            String result = record.path("result").asText();
            byte[] data = Base64.getDecoder().decode(record.path("data").asText());
            Delivered source = byId.get(id);
            switch (result) {
                case "Ok" -> {
                    Map<String, String> keys = new LinkedHashMap<>();
                    record.path("metadata").path("partitionKeys").fields()
                            .forEachRemaining(field -> keys.put(field.getKey(), field.getValue().asText()));
                    out.add(new Delivered(null, result, data, keys, source.source()));
                }
                case "ProcessingFailed" -> out.add(new Delivered(null, result, data, Map.of(), source.source()));
                case "Dropped" -> {
                    // Firehose discards it
                }
                default -> throw new AssertionError("record " + id + " has result '" + result + "'");
            }
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (TransformJar function : loaded) {
            function.close();
        }
    }
}
