package io.roxxane.agent.aws;


import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * PutRecordBatch in Firehose's JSON 1.1 protocol (service model {@code Firehose_20150804}): the
 * request body, the answer's per-record results and the error shape ({@code __type},
 * {@code message}). Unknown fields are skipped, as the SDK's own unmarshaller does.
 */
public final class PutRecordBatchJson {
    public static final String TARGET = "Firehose_20150804.PutRecordBatch";
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private static final JsonFactory JSON = new JsonFactory();

    private PutRecordBatchJson() {
    }

    /** {@code {"DeliveryStreamName":…,"Records":[{"Data":"<base64>"},…]}} */
    public static byte[] request(String stream, List<byte[]> records) {
        int size = 64 + stream.length();
        for (byte[] record : records) {
            size += 12 + (record.length + 2) / 3 * 4;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("DeliveryStreamName", stream);
            json.writeArrayFieldStart("Records");
            for (byte[] record : records) {
                json.writeStartObject();
                json.writeFieldName("Data");
                json.writeBinary(record); // standard base64 with padding, no line breaks
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen writing to memory", e);
        }
        return out.toByteArray();
    }

    /** What a 200 answer says: how many records failed and each record's error code (null when taken). */
    public static final class Answer {
        public final int failedPutCount;
        public final List<String> errorCodes;

        Answer(int failedPutCount, List<String> errorCodes) {
            this.failedPutCount = failedPutCount;
            this.errorCodes = errorCodes;
        }
    }

    /** @throws IOException when the body is not a PutRecordBatch answer */
    public static Answer answer(byte[] body) throws IOException {
        int failed = 0;
        List<String> codes = null;
        try (JsonParser json = JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, "an object");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.getCurrentName();
                JsonToken value = json.nextToken();
                if ("FailedPutCount".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    failed = json.getIntValue();
                } else if ("RequestResponses".equals(field) && value == JsonToken.START_ARRAY) {
                    codes = entries(json);
                } else {
                    json.skipChildren();
                }
            }
        }
        return new Answer(failed, codes);
    }

    private static List<String> entries(JsonParser json) throws IOException {
        List<String> codes = new ArrayList<String>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            String code = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.getCurrentName();
                JsonToken value = json.nextToken();
                if ("ErrorCode".equals(field) && value == JsonToken.VALUE_STRING) {
                    code = json.getText();
                } else {
                    json.skipChildren();
                }
            }
            codes.add(code == null || code.isEmpty() ? null : code);
        }
        return codes;
    }

    /** An error answer's code and message; either may be empty. */
    public static final class ErrorAnswer {
        public final String code;
        public final String message;

        ErrorAnswer(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    /**
     * @param errorTypeHeader {@code x-amzn-ErrorType}, or null; preferred over the body's
     *     {@code __type} as the SDK does
     * @param body the answer's body; need not be JSON (a proxy's HTML page, say)
     */
    public static ErrorAnswer error(String errorTypeHeader, byte[] body) {
        String type = null;
        String message = "";
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.getCurrentName();
                    JsonToken value = json.nextToken();
                    if (value == JsonToken.VALUE_STRING && "__type".equals(field)) {
                        type = json.getText();
                    } else if (value == JsonToken.VALUE_STRING && "message".equalsIgnoreCase(field)) {
                        message = json.getText();
                    } else {
                        json.skipChildren();
                    }
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // keep what was read; the status code still classifies the failure
        }
        String code = errorTypeHeader != null && !errorTypeHeader.isEmpty() ? errorTypeHeader : type;
        return new ErrorAnswer(shortCode(code), message);
    }

    /** {@code aws.protocoltests#ThrottlingException:http://…} → {@code ThrottlingException}. */
    private static String shortCode(String type) {
        if (type == null) {
            return "";
        }
        String code = type;
        int colon = code.indexOf(':');
        if (colon >= 0) {
            code = code.substring(0, colon);
        }
        int hash = code.lastIndexOf('#');
        if (hash >= 0) {
            code = code.substring(hash + 1);
        }
        return code.trim();
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("not a PutRecordBatch answer: expected " + what + ", got " + actual);
        }
    }
}
