package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3EventParserTest {

    static InputStream fixture(String name) {
        InputStream in = S3EventParserTest.class.getResourceAsStream("/events/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test fixture /events/" + name);
        }
        return in;
    }

    private static List<S3EventRecord> parse(String json) {
        return S3EventParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parse_whenSinglePutFixture_readsEventNameBucketAndEncodedKey() {
        List<S3EventRecord> records = S3EventParser.parse(fixture("put-single.json"));

        assertEquals(List.of(new S3EventRecord("ObjectCreated:Put", "roxxane-test-bucket",
                "metrics/service%3Dcheckout-api/year%3D2026/month%3D11/day%3D23/hour%3D17/"
                        + "roxxane-metrics-1-2026-11-23-17-00-00-5c1d7f3e-8a7b-4a4e-9d6c-2f0a1b3c4d5e.parquet")),
                records);
    }

    @Test
    void parse_whenMixedFixture_keepsEveryRecordInOrder() {
        List<S3EventRecord> records = S3EventParser.parse(fixture("mixed-records.json"));

        assertEquals(6, records.size());
        assertEquals("ObjectCreated:CompleteMultipartUpload", records.get(1).eventName());
        assertEquals("metrics/service=billing.worker_2/year=2026/month=11/day=23/hour=18/"
                + "roxxane metrics 2026-11-23 18-00-00 cccc.parquet", records.get(2).decodedKey());
        assertEquals("exports/report.csv", records.get(4).encodedKey());
        assertEquals("ObjectRemoved:Delete", records.get(5).eventName());
    }

    @Test
    void parse_whenS3TestEvent_returnsNoRecords() {
        assertEquals(List.of(), S3EventParser.parse(fixture("test-event.json")));
    }

    @Test
    void parse_whenRecordLacksS3Section_returnsRecordWithNulls() {
        List<S3EventRecord> records = parse("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}, 42]}");

        assertEquals(List.of(new S3EventRecord("ObjectCreated:Put", null, null), new S3EventRecord(null, null, null)),
                records);
    }

    @Test
    void parse_whenFieldsInAnyOrderAndUnknownFieldsNested_findsThem() {
        List<S3EventRecord> records = parse("{\"x\":{\"Records\":[1]},\"Records\":[{\"s3\":{\"object\":{\"key\":\"k\","
                + "\"extra\":[{\"key\":\"no\"}]},\"bucket\":{\"arn\":\"a\",\"name\":\"b\"}},\"eventName\":\"ObjectCreated:Post\"}]}");

        assertEquals(List.of(new S3EventRecord("ObjectCreated:Post", "b", "k")), records);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"Records\"", "{\"Records\":[", "not json", "{\"Records\":[{\"s3\":}]}"})
    void parse_whenNotAnS3EventObject_throwsClearError(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(json));

        assertTrue(e.getMessage().startsWith("S3 event "), e.getMessage());
    }
}
