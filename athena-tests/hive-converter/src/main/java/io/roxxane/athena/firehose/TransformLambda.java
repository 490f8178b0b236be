package io.roxxane.athena.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roxxane.transform.FirehoseTransformHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stream's {@code Lambda} processor: the real {@link FirehoseTransformHandler}, called
 * in-process with a transformation event built the way Firehose builds one (record ids,
 * approximate arrival times, base64 data), and its answer read back record by record.
 */
final class TransformLambda {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String deliveryStreamArn;
    private final FirehoseTransformHandler handler = new FirehoseTransformHandler();
    private long nextRecordId;

    TransformLambda(String streamName) {
        this.deliveryStreamArn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/" + streamName;
    }

    /** Transforms the records (after deaggregation), in order; each list entry's arrival time is in {@code arrivals}. */
    List<TransformedRecord> invoke(List<byte[]> records, List<Long> arrivals) throws IOException {
        ObjectNode event = JSON.createObjectNode();
        event.put("invocationId", "invocation-" + nextRecordId);
        event.put("deliveryStreamArn", deliveryStreamArn);
        event.put("region", "eu-west-1");
        ArrayNode array = event.putArray("records");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String id = "record-" + nextRecordId++;
            ids.add(id);
            array.addObject().put("recordId", id).put("approximateArrivalTimestamp", arrivals.get(i))
                    .put("data", Base64.getEncoder().encodeToString(records.get(i)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        JsonNode answer = JSON.readTree(out.toByteArray()).path("records");
        if (answer.size() != records.size()) {
            throw new IOException("the Lambda answered " + answer.size() + " records for " + records.size());
        }
        List<TransformedRecord> result = new ArrayList<>();
        for (int i = 0; i < answer.size(); i++) {
            JsonNode record = answer.get(i);
            if (!ids.get(i).equals(record.path("recordId").asText())) {
                throw new IOException("record " + i + " came back as " + record.path("recordId") + ", not " + ids.get(i));
            }
            Map<String, String> keys = new LinkedHashMap<>();
            record.path("metadata").path("partitionKeys").properties()
                    .forEach(e -> keys.put(e.getKey(), e.getValue().asText()));
            result.add(new TransformedRecord(record.path("result").asText(),
                    Base64.getDecoder().decode(record.path("data").asText()), keys, arrivals.get(i)));
        }
        return result;
    }
}
