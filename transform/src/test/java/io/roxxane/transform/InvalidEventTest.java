package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An event that is not a transformation event at all gets one clear error, and no output. */
class InvalidEventTest {
    private static final String RECORD = "{\"recordId\":\"1\",\"approximateArrivalTimestamp\":1763900031512,"
            + "\"data\":\"e30=\"}";

    @Test
    void handleRequest_whenInputEmpty_throwsNamingTheProblem() {
        assertInvalid("", "the event is empty");
    }

    @Test
    void handleRequest_whenInputStreamNull_throwsNamingTheProblem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> TestEvents.handler().handleRequest(null, out, null));
        assertTrue(e.getMessage().contains("the event is missing"), e.getMessage());
    }

    @Test
    void handleRequest_whenInputNotJson_throwsNamingTheProblem() {
        assertInvalid("records: []", "the event is not valid JSON");
    }

    @Test
    void handleRequest_whenInputTruncated_throwsNamingTheProblem() {
        assertInvalid("{\"records\":[" + RECORD + ",{\"recordId\":\"2\",\"data\":\"e3", "the event is not valid JSON");
    }

    @Test
    void handleRequest_whenEventIsAnArray_throwsNamingTheProblem() {
        assertInvalid("[" + RECORD + "]", "the event is an array");
    }

    @Test
    void handleRequest_whenRecordsMissing_throwsNamingTheProblem() {
        assertInvalid("{\"invocationId\":\"x\",\"region\":\"eu-west-1\"}", "the event has no 'records' array");
    }

    @Test
    void handleRequest_whenRecordsNotAnArray_throwsNamingTheProblem() {
        assertInvalid("{\"records\":" + RECORD + "}", "'records' is an object, not an array");
    }

    @Test
    void handleRequest_whenRecordsTwice_throwsNamingTheProblem() {
        assertInvalid("{\"records\":[" + RECORD + "],\"records\":[]}", "the event has 'records' twice");
    }

    @Test
    void handleRequest_whenRecordNotAnObject_throwsNamingTheProblem() {
        assertInvalid("{\"records\":[" + RECORD + ",\"e30=\"]}", "records[1] is a string, not an object");
    }

    @Test
    void handleRequest_whenRecordIdMissing_throwsNamingTheProblem() {
        assertInvalid("{\"records\":[{\"data\":\"e30=\"}]}", "records[0] has no 'recordId'");
    }

    @Test
    void handleRequest_whenRecordIdNotAString_throwsNamingTheProblem() {
        assertInvalid("{\"records\":[{\"recordId\":7,\"data\":\"e30=\"}]}", "records[0].recordId is the integer '7', not a string");
    }

    @Test
    void handleRequest_whenArrivalTimestampNotANumber_throwsNamingTheProblem() {
        assertInvalid("{\"records\":[{\"recordId\":\"1\",\"approximateArrivalTimestamp\":\"2025-11-23\",\"data\":\"e30=\"}]}",
                "records[0].approximateArrivalTimestamp is a string, not epoch milliseconds");
    }

    @Test
    void handleRequest_whenDataNotAString_throwsNamingTheProblem() {
        assertInvalid("{\"records\":[{\"recordId\":\"1\",\"data\":{\"ts\":1}}]}", "records[0].data is an object, not a base64 string");
    }

    @Test
    void handleRequest_whenContentFollowsTheEvent_throwsNamingTheProblem() {
        assertInvalid("{\"records\":[]} {\"records\":[]}", "the event continues after its closing brace");
    }

    @Test
    void handleRequest_whenEventIsUtf16_throwsNamingTheProblem() {
        byte[] event = ("{\"records\":[" + RECORD + "]}").getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> TestEvents.handler().handleRequest(new ByteArrayInputStream(event), out, null));
        assertTrue(e.getMessage().contains("the event is not UTF-8"), e.getMessage());
    }

    @Test
    void handleRequest_whenDataHoldsAnEncodedSurrogate_throwsNamingTheRecord() {
        // ED A0 80 encodes U+D800, which is not UTF-8; Jackson's skipping of the string lets it through.
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        String good = "{\"recordId\":\"0\",\"data\":\"e30=\"}";
        String before = "{\"records\":[" + good + ",{\"recordId\":\"1\",\"data\":\"e30";
        String after = "=\"}]}";
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        event.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        event.writeBytes(surrogate);
        event.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        InvalidEventException e = assertThrows(InvalidEventException.class, () -> TestEvents.handler()
                .handleRequest(new ByteArrayInputStream(event.toByteArray()), out, null));

        assertTrue(e.getMessage().contains("records[1].data is not a valid JSON string"), e.getMessage());
        assertTrue(e.getMessage().contains("expected a Firehose transformation event"), e.getMessage());
        assertEquals(0, out.size(), "nothing is written for an invalid event");
    }

    private static void assertInvalid(String event, String problem) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> TestEvents.handler()
                .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("expected a Firehose transformation event"), e.getMessage());
        assertEquals(0, out.size(), "nothing is written for an invalid event");
    }
}
