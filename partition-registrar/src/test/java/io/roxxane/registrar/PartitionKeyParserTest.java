package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.PartitionRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionKeyParserTest {

    @Test
    void parse_whenFirehoseKey_returnsValuesInPartitionRuleOrder() {
        HivePartition p = PartitionKeyParser.parse(
                "service=checkout-api/year=2026/month=11/day=23/hour=17/roxxane-metrics-1-2026-11-23-17-00-00-uuid.parquet");

        assertEquals(new HivePartition("checkout-api", "2026", "11", "23", "17"), p);
        assertEquals(List.of("checkout-api", "2026", "11", "23", "17"), p.values());
        assertEquals(PartitionRule.KEYS.size(), p.values().size());
    }

    @Test
    void parse_whenKeyWrittenByPartitionRule_agreesWithTheRule() {
        long ts = 1_795_000_000_000L;
        String path = PartitionRule.pathFor("Billing Worker #2", ts);

        HivePartition p = PartitionKeyParser.parse(path + "file.parquet");

        assertEquals(path, p.relativePath());
        assertEquals(PartitionRule.keysFor("Billing Worker #2", ts).service(), p.service());
    }

    @Test
    void parse_whenDecodedEventKeyWithSpacesInFileName_acceptsIt() {
        S3EventRecord record = new S3EventRecord("ObjectCreated:Put", "b",
                "service%3Dbilling.worker_2/year%3D2028/month%3D02/day%3D29/hour%3D00/roxxane+metrics+%231.parquet");

        HivePartition p = PartitionKeyParser.parse(record.decodedKey());

        assertEquals(new HivePartition("billing.worker_2", "2028", "02", "29", "00"), p);
    }

    @Test
    void parse_whenFirehoseErrorPrefix_refusesWithReason() {
        UnrecognisedKeyException e = assertThrows(UnrecognisedKeyException.class, () -> PartitionKeyParser.parse(
                "errors/processing-failed/2026/11/23/18/roxxane-metrics-1-2026-11-23-18-01-00-dddd"));

        assertTrue(e.getMessage().contains("service="), e.getMessage());
    }

    @Test
    void parse_whenKeysInWrongOrder_refuses() {
        UnrecognisedKeyException e = assertThrows(UnrecognisedKeyException.class, () -> PartitionKeyParser.parse(
                "year=2026/service=checkout-api/month=11/day=23/hour=17/f.parquet"));

        assertTrue(e.getMessage().contains("expected segment 'service=…', found 'year=2026'"), e.getMessage());
    }

    @Test
    void parse_whenFolderMarker_refuses() {
        UnrecognisedKeyException e = assertThrows(UnrecognisedKeyException.class,
                () -> PartitionKeyParser.parse("service=a/year=2026/month=11/day=23/hour=17/"));

        assertTrue(e.getMessage().contains("folder marker"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "/",
        "service=a",
        "service=a/year=2026/month=11/day=23/hour=17",
        "service=a/year=2026/month=11/day=23/hour=17/deeper/f.parquet",
        "service=a//year=2026/month=11/day=23/hour=17/f",
        "service=/year=2026/month=11/day=23/hour=17/f",
        "Service=a/year=2026/month=11/day=23/hour=17/f",
        "service=a/year=26/month=11/day=23/hour=17/f",
        "service=a/year=1999/month=12/day=31/hour=23/f",
        "service=a/year=2026/month=13/day=01/hour=00/f",
        "service=a/year=2026/month=1/day=01/hour=00/f",
        "service=a/year=2026/month=00/day=01/hour=00/f",
        "service=a/year=2026/month=02/day=30/hour=00/f",
        "service=a/year=2025/month=02/day=29/hour=00/f",
        "service=a/year=2026/month=11/day=23/hour=24/f",
        "service=a/year=2026/month=11/day=23/hour=-1/f",
        "service=a/year=2026/month=11/day=23/hour=+1/f",
        "service=a/year=２０２６/month=11/day=23/hour=01/f",
        "service=Checkout/year=2026/month=11/day=23/hour=17/f",
        "service=a b/year=2026/month=11/day=23/hour=17/f",
        "service=a=b/year=2026/month=11/day=23/hour=17/f",
        "service=a/year=2026/month=11/day=23/hour=17/x=1/f",
    })
    void parse_whenNotTheHiveLayout_refuses(String key) {
        assertThrows(UnrecognisedKeyException.class, () -> PartitionKeyParser.parse(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "service=../year=2026/month=11/day=23/hour=17/f",
        "service=./year=2026/month=11/day=23/hour=17/f",
        "service=.hidden/year=2026/month=11/day=23/hour=17/f",
        "service=a..b/year=2026/month=11/day=23/hour=17/f",
        "service=a/../service=b/year=2026/month=11/day=23/hour=17/f",
        "../service=a/year=2026/month=11/day=23/hour=17/f",
        "service=a/year=2026/month=11/day=23/hour=17/../f",
        "service=a\\..\\b/year=2026/month=11/day=23/hour=17/f",
        "service=a%2F..%2Fb/year=2026/month=11/day=23/hour=17/f",
    })
    void parse_whenTraversalAttempt_refuses(String key) {
        assertThrows(UnrecognisedKeyException.class, () -> PartitionKeyParser.parse(key));
    }

    @Test
    void parse_whenEncodedSlashDecodesIntoExtraSegments_refuses() {
        S3EventRecord record = new S3EventRecord("ObjectCreated:Put", "b",
                "service%3Da%2F..%2Fb/year%3D2026/month%3D11/day%3D23/hour%3D17/f");

        assertThrows(UnrecognisedKeyException.class, () -> PartitionKeyParser.parse(record.decodedKey()));
    }

    @Test
    void parse_whenServiceLongerThanSanitiserAllows_refuses() {
        String service = "a".repeat(65);

        assertThrows(UnrecognisedKeyException.class, () -> PartitionKeyParser.parse(
                "service=" + service + "/year=2026/month=11/day=23/hour=17/f"));
    }
}
