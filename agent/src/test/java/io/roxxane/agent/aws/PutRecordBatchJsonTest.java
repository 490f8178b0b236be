package io.roxxane.agent.aws;

import io.roxxane.agent.fakes.FakeFirehose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JSON 1.1 request and answers of PutRecordBatch; requests read back by {@link FakeFirehose}'s parser. */
class PutRecordBatchJsonTest {
    @Test
    void request_holdsTheStreamAndEachRecordAsStandardBase64() throws Exception {
        byte[] binary = new byte[1_000];
        new Random(7).nextBytes(binary);
        List<byte[]> records = List.of(
                "{\"ts\":1,\"service\":\"a\\\"b\"}\n".getBytes(StandardCharsets.UTF_8),
                binary,
                new byte[] {'x'});

        byte[] body = PutRecordBatchJson.request("my-stream", records);
        Map<String, Object> request = FakeFirehose.parse(body);

        assertEquals("my-stream", request.get("DeliveryStreamName"));
        @SuppressWarnings("unchecked")
        List<byte[]> data = (List<byte[]>) request.get("Records");
        assertEquals(3, data.size());
        for (int i = 0; i < records.size(); i++) {
            assertArrayEquals(records.get(i), data.get(i), "record " + i);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals(-1, text.indexOf('\n'), "no line breaks in the body's base64");
        assertTrue(text.indexOf(Base64.getEncoder().encodeToString(binary)) > 0, "standard alphabet, padded");
    }

    @Test
    void answer_readsFailedCountAndEachRecordsErrorCodeSkippingUnknownFields() throws Exception {
        String body = "{\"FailedPutCount\":2,\"Encrypted\":false,\"Future\":{\"x\":[1,2]},\"RequestResponses\":["
                + "{\"RecordId\":\"a\"},"
                + "{\"ErrorCode\":\"ServiceUnavailableException\",\"ErrorMessage\":\"Slow down.\"},"
                + "{\"RecordId\":\"c\",\"ErrorCode\":\"\"},"
                + "{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"x\"}]}";

        PutRecordBatchJson.Answer answer = PutRecordBatchJson.answer(body.getBytes(StandardCharsets.UTF_8));

        assertEquals(2, answer.failedPutCount);
        assertEquals(Arrays.asList(null, "ServiceUnavailableException", null, "InternalFailure"), answer.errorCodes);
    }

    @Test
    void answer_whenNotAnObject_isAnIOException() {
        assertThrows(IOException.class, () -> PutRecordBatchJson.answer("[1]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> PutRecordBatchJson.answer("<html>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> PutRecordBatchJson.answer(new byte[0]));
    }

    @Test
    void error_prefersTheHeaderAndShortensQualifiedTypes() {
        byte[] body = "{\"__type\":\"com.amazonaws.firehose#ResourceNotFoundException\",\"message\":\"Firehose s not found.\"}"
                .getBytes(StandardCharsets.UTF_8);

        PutRecordBatchJson.ErrorAnswer fromBody = PutRecordBatchJson.error(null, body);
        PutRecordBatchJson.ErrorAnswer fromHeader = PutRecordBatchJson.error(
                "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/", body);

        assertEquals("ResourceNotFoundException", fromBody.code);
        assertEquals("Firehose s not found.", fromBody.message);
        assertEquals("AccessDeniedException", fromHeader.code);
    }

    @Test
    void error_whenTheBodyIsNotJson_keepsAnEmptyCodeForTheStatusToClassify() {
        PutRecordBatchJson.ErrorAnswer error = PutRecordBatchJson.error(null,
                "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8));

        assertEquals("", error.code);
        assertEquals("", error.message);
        assertEquals("ThrottlingException", PutRecordBatchJson.error(null,
                "{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}".getBytes(StandardCharsets.UTF_8)).code);
    }
}
