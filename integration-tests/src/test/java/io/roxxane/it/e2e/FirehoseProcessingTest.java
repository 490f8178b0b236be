package io.roxxane.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.it.BuiltJars;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenario's own tools, without an emulator: each must be able to find what it looks for. */
class FirehoseProcessingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant ARRIVAL = Instant.parse("2026-03-04T05:06:07Z");
    private static final String PREFIX = "metrics/service=!{partitionKeyFromLambda:service}/year=!{partitionKeyFromLambda:year}"
            + "/month=!{partitionKeyFromLambda:month}/day=!{partitionKeyFromLambda:day}/hour=!{partitionKeyFromLambda:hour}/";
    private static final String ERROR_PREFIX = "errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/"
            + "day=!{timestamp:dd}/hour=!{timestamp:HH}/";

    @Test
    void process_whenRecordHoldsGoodAndBadSamples_partitionsGoodOnesAndSendsBadOneToErrorPrefix() throws Exception {
        Path jar = transformJar();
        StreamConfiguration configuration = configuration(sha256(jar));
        String good = "{\"ts\":1772600767000,\"service\":\"Shop/../Cart\",\"instance_id\":\"i\",\"seq\":0}\n";
        String bad = "{\"ts\":\"yesterday\",\"service\":\"x\",\"seq\":1}\n";
        byte[] object = (good + bad + good).getBytes(StandardCharsets.UTF_8);

        List<FirehoseProcessing.Delivered> delivered;
        try (FirehoseProcessing processing = new FirehoseProcessing(configuration, "arn:aws:firehose:us-east-1:1:deliverystream/s",
                "us-east-1", jar)) {
            delivered = processing.process(List.of(new FirehoseProcessing.RawObject("k", object, ARRIVAL)));
        }

        assertEquals(List.of("Ok", "ProcessingFailed", "Ok"), delivered.stream().map(FirehoseProcessing.Delivered::result).toList());
        assertEquals("metrics/service=shop-cart/year=2026/month=03/day=04/hour=05/", delivered.get(0).keyPrefix());
        assertEquals("errors/processing-failed/year=2026/month=03/day=04/hour=05/", delivered.get(1).keyPrefix());
        assertEquals(bad.strip(), new String(delivered.get(1).data(), StandardCharsets.UTF_8));
        assertEquals(ARRIVAL.toEpochMilli(), JSON.readTree(delivered.get(2).data()).path("arrival_ts").asLong());
    }

    @Test
    void constructor_whenDeployedCodeIsNotTheJar_fails() throws Exception {
        AssertionError error = assertThrows(AssertionError.class,
                () -> new FirehoseProcessing(configuration("c29tZXRoaW5nIGVsc2U="), "arn", "us-east-1", transformJar()));

        assertTrue(error.getMessage().contains("is not"), error.getMessage());
    }

    @Test
    void load_whenTransformJarAlone_handlerComesFromTheJarNotTheClassPath() throws Exception {
        try (TransformJar function = TransformJar.load(transformJar(), "io.roxxane.transform.FirehoseTransformHandler::handleRequest")) {
            assertNotSame(getClass().getClassLoader(), function.handlerLoader());
            assertEquals("{\"records\":[]}", new String(function.invoke(
                    "{\"invocationId\":\"i\",\"deliveryStreamArn\":\"a\",\"region\":\"r\",\"records\":[]}".getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void split_whenObjectsConcatenatedOrNewlineDelimited_returnsEachObjectsBytes() {
        List<byte[]> parts = JsonDeaggregation.split("{\"a\":{\"b\":1}}\n{\"c\":\"}\"}{\"d\":2}\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("{\"a\":{\"b\":1}}", "{\"c\":\"}\"}", "{\"d\":2}"),
                parts.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList());
        assertThrows(AssertionError.class, () -> JsonDeaggregation.split("{\"a\":1}\n[1]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(AssertionError.class, () -> JsonDeaggregation.split("{\"a\":1}\n{\"b\":".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void evaluate_whenExpressionUnknownOrKeyMissing_failsInsteadOfGuessing() {
        assertEquals("errors/format-conversion-failed/2026/", PrefixExpression.evaluate("errors/!{firehose:error-output-type}/!{timestamp:yyyy}/",
                Map.of(), ARRIVAL, "format-conversion-failed"));
        assertThrows(AssertionError.class, () -> PrefixExpression.evaluate(PREFIX, Map.of("service", "a"), ARRIVAL, null));
        assertThrows(AssertionError.class, () -> PrefixExpression.evaluate("x/!{partitionKeyFromQuery:service}/", Map.of(), ARRIVAL, null));
    }

    @Test
    void problems_whenValueDoesNotFitColumnType_namesIt() throws Exception {
        GlueTableSchema table = new GlueTableSchema(Map.of("seq", "bigint", "schema_version", "int", "host_load_1m", "double",
                "host", "string", "tags", "map<string,string>"), List.of("service"), "s3://b/metrics/");

        assertEquals(List.of(), table.problems(JSON.readTree("{\"seq\":1,\"schema_version\":1,\"host_load_1m\":0.5,\"host\":\"h\","
                + "\"tags\":{\"env\":\"x\"},\"service\":\"s\",\"not_a_column\":[1],\"seq_extra\":null}")));
        assertEquals(List.of("seq=1.5 is not a bigint", "schema_version=4294967296 is not a int", "host_load_1m=\"0.5\" is not a double",
                "host=7 is not a string", "tags={\"env\":1} is not a map<string,string>"),
                table.problems(JSON.readTree("{\"seq\":1.5,\"schema_version\":4294967296,\"host_load_1m\":\"0.5\",\"host\":7,"
                        + "\"tags\":{\"env\":1}}")));
    }

    @Test
    void problems_whenNestedValueDoesNotFitItsMapOrStruct_namesIt() throws Exception {
        String pools = "map<string,struct<heap:boolean,used_bytes:bigint,max_bytes:bigint>>";
        GlueTableSchema table = new GlueTableSchema(Map.of("jvm_memory_pools", pools), List.of("service"), "s3://b/metrics/");

        assertEquals(List.of(), table.problems(JSON.readTree("{\"jvm_memory_pools\":{\"G1 Old Gen\":{\"heap\":true,"
                + "\"used_bytes\":1,\"max_bytes\":null},\"Metaspace\":{}}}")));
        for (String bad : List.of("[]", "{\"a\":null}", "{\"a\":1}", "{\"a\":{\"heap\":1}}", "{\"a\":{\"used_bytes\":1.5}}",
                "{\"a\":{\"extra\":1}}")) {
            assertEquals(List.of("jvm_memory_pools=" + bad + " is not a " + pools),
                    table.problems(JSON.readTree("{\"jvm_memory_pools\":" + bad + "}")), bad);
        }
    }

    @Test
    void of_whenSeqMissingOrRepeated_reportsGapsAndDuplicates() {
        SeqContinuity continuity = SeqContinuity.of(List.of(0L, 1L, 1L, 3L, 5L, 5L, 5L));

        assertEquals(List.of(2L, 4L), continuity.missing());
        assertEquals(3, continuity.duplicates());
        assertEquals(5, continuity.highest());
        assertEquals(List.of(0L), SeqContinuity.of(List.of(1L, 2L)).missing());
    }

    private static StreamConfiguration configuration(String codeSha256) {
        return new StreamConfiguration("arn:aws:s3:::b", PREFIX, ERROR_PREFIX, 64, 60, true, List.of(
                new StreamConfiguration.Processor("RecordDeAggregation", Map.of("SubRecordType", "JSON"), null, null),
                new StreamConfiguration.Processor("Lambda", Map.of("LambdaArn", "arn:aws:lambda:us-east-1:1:function:t"),
                        "io.roxxane.transform.FirehoseTransformHandler::handleRequest", codeSha256)),
                true, "db", "metrics", "Hive", "Parquet");
    }

    private static Path transformJar() {
        return BuiltJars.transform();
    }

    private static String sha256(Path file) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
