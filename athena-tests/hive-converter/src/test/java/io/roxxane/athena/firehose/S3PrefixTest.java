package io.roxxane.athena.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class S3PrefixTest {
    private static final String PREFIX = "metrics/service=!{partitionKeyFromLambda:service}/year=!{partitionKeyFromLambda:year}/";

    @Test
    void partitionKeys_comeFromTheLambda() {
        assertEquals("metrics/service=checkout/year=2026/",
                S3Prefix.evaluate(PREFIX, Map.of("service", "checkout", "year", "2026"), 0, null));
    }

    @Test
    void errorPrefix_hasTheErrorTypeAndTheArrivalTimeInUtc() {
        assertEquals("errors/processing-failed/2026/03/10/22/", S3Prefix.evaluate(
                "errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/", Map.of(), 1_773_180_000_000L,
                "processing-failed"));
    }

    @Test
    void aKeyTheLambdaDidNotReturn_orAnUnknownNamespace_fails() {
        assertThrows(IllegalArgumentException.class, () -> S3Prefix.evaluate(PREFIX, Map.of("service", "x"), 0, null));
        assertThrows(IllegalArgumentException.class, () -> S3Prefix.evaluate("!{partitionKeyFromQuery:x}/", Map.of(), 0, null));
        assertThrows(IllegalArgumentException.class, () -> S3Prefix.evaluate("!{firehose:error-output-type}/", Map.of(), 0, null));
    }
}
