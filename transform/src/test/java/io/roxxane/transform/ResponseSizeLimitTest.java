package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roxxane.transform.TestEvents.TestRecord;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseSizeLimitTest {
    @Test
    void handleRequest_whenResponseWouldExceedTheLimit_returnsTheLastRecordsUnprocessed() throws Exception {
        List<TestRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(TestRecord.of("r" + i, "{\"ts\":1763900000000}"));
        }
        byte[] event = TestEvents.event(records);
        byte[] unlimited = TestEvents.invokeRaw(TestEvents.handler(), event);
        long limit = unlimited.length - 1;

        byte[] response = TestEvents.invokeRaw(new FirehoseTransformHandler(() -> TestEvents.NOW, limit), event);

        ResponseContract.check(event, response);
        assertTrue(response.length <= limit, response.length + " > " + limit);
        JsonNode out = TestEvents.MAPPER.readTree(response).get("records");
        assertEquals("ProcessingFailed", out.get(19).get("result").asText());
        assertEquals("Ok", out.get(0).get("result").asText());
    }

    @Test
    void handleRequest_whenEveryRecordIsTinyAndOk_staysWithinTheLimitForALimitSizedRequest() throws Exception {
        List<TestRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(TestRecord.of("49546986683135544286507457936321625675700192471156" + (100_000 + i), "{\"ts\":1763900000000}"));
        }
        byte[] event = TestEvents.event(records);
        long limit = event.length; // the request is as large as the response may be

        byte[] response = TestEvents.invokeRaw(new FirehoseTransformHandler(() -> TestEvents.NOW, limit), event);

        ResponseContract.check(event, response);
        assertTrue(response.length <= limit, response.length + " > " + limit);
    }

    @Test
    void sizeOf_whenIdsAndDataNeedNoEscaping_isExact() throws Exception {
        byte[] event = TestEvents.resource("events/firehose-event-3-samples.json");
        List<RecordOutcome> outcomes = new ArrayList<>();
        SampleTransformer transformer = new SampleTransformer(FirehoseTransformHandler.JSON);
        new FirehoseEventReader(FirehoseTransformHandler.JSON, () -> TestEvents.NOW).read(
                new java.io.ByteArrayInputStream(event), (id, arrival, data) -> outcomes.add(transformer.transform(id, arrival, data)));
        outcomes.add(RecordOutcome.failed("failed-1", RecordData.ofRaw("e30".getBytes()), "test"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new ResponseWriter(FirehoseTransformHandler.JSON, Long.MAX_VALUE).write(outcomes, out);

        assertEquals(out.size(), ResponseWriter.sizeOf(outcomes));
    }
}
