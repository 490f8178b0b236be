package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which partition an object key names: {@link TableLocation#partitionOf}, i.e. the table's
 * prefix, then {@link PartitionRule#parse} and a file name. The layout's own edge cases are
 * tested in the schema's {@code PartitionRuleTest}; these are the keys S3 events bring.
 */
class TableLocationPartitionOfTest {
    private static final TableLocation TABLE = TableLocation.parse("s3://b/metrics/");

    /** The partition of {@code metrics/<relativeKey>} in bucket {@code b}. */
    private static PartitionKeys parse(String relativeKey) {
        return TABLE.partitionOf("b", "metrics/" + relativeKey);
    }

    @Test
    void partitionOf_whenFirehoseKey_returnsValuesInPartitionRuleOrder() {
        PartitionKeys p = parse(
                "service=checkout-api/year=2026/month=11/day=23/hour=17/roxxane-metrics-1-2026-11-23-17-00-00-uuid.parquet");

        assertEquals(List.of("checkout-api", "2026", "11", "23", "17"), p.values());
        assertEquals("service=checkout-api/year=2026/month=11/day=23/hour=17/", p.path());
        assertEquals(PartitionRule.KEYS.size(), p.values().size());
        assertEquals("s3://b/metrics/service=checkout-api/year=2026/month=11/day=23/hour=17/", TABLE.partitionLocation(p));
    }

    @Test
    void partitionOf_whenOtherBucketOrPrefix_refusesNamingTheLocation() {
        String key = "service=a/year=2026/month=11/day=23/hour=17/f";

        UnrecognisedKeyException bucket = assertThrows(UnrecognisedKeyException.class,
                () -> TABLE.partitionOf("other", "metrics/" + key));
        assertThrows(UnrecognisedKeyException.class, () -> TABLE.partitionOf("b", key));
        assertThrows(UnrecognisedKeyException.class, () -> TABLE.partitionOf("b", "metrics2/" + key));

        assertEquals("outside the table location s3://b/metrics/", bucket.getMessage());
    }

    @Test
    void partitionOf_whenKeyWrittenByPartitionRule_agreesWithTheRule() {
        long ts = 1_795_000_000_000L;
        String path = PartitionRule.pathFor("Billing Worker #2", ts);

        PartitionKeys p = parse(path + "file.parquet");

        assertEquals(path, p.path());
        assertEquals(PartitionRule.keysFor("Billing Worker #2", ts), p);
    }

    @Test
    void partitionOf_whenDecodedEventKeyWithSpacesInFileName_acceptsIt() {
        S3EventRecord record = new S3EventRecord("ObjectCreated:Put", "b",
                "metrics/service%3Dbilling.worker_2/year%3D2028/month%3D02/day%3D29/hour%3D00/roxxane+metrics+%231.parquet");

        PartitionKeys p = TABLE.partitionOf(record.bucket(), record.decodedKey());

        assertEquals(List.of("billing.worker_2", "2028", "02", "29", "00"), p.values());
    }

    @Test
    void partitionOf_whenFirehoseErrorPrefix_refusesWithReason() {
        UnrecognisedKeyException e = assertThrows(UnrecognisedKeyException.class, () -> parse(
                "errors/processing-failed/2026/11/23/18/roxxane-metrics-1-2026-11-23-18-01-00-dddd"));

        assertTrue(e.getMessage().contains("service="), e.getMessage());
    }

    @Test
    void partitionOf_whenKeysInWrongOrder_refuses() {
        UnrecognisedKeyException e = assertThrows(UnrecognisedKeyException.class, () -> parse(
                "year=2026/service=checkout-api/month=11/day=23/hour=17/f.parquet"));

        assertTrue(e.getMessage().contains("expected segment 'service=…', found 'year=2026'"), e.getMessage());
    }

    @Test
    void partitionOf_whenFolderMarker_refuses() {
        UnrecognisedKeyException e = assertThrows(UnrecognisedKeyException.class,
                () -> parse("service=a/year=2026/month=11/day=23/hour=17/"));

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
    void partitionOf_whenNotTheHiveLayout_refuses(String key) {
        assertThrows(UnrecognisedKeyException.class, () -> parse(key));
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
    void partitionOf_whenTraversalAttempt_refuses(String key) {
        assertThrows(UnrecognisedKeyException.class, () -> parse(key));
    }

    @Test
    void partitionOf_whenEncodedSlashDecodesIntoExtraSegments_refuses() {
        S3EventRecord record = new S3EventRecord("ObjectCreated:Put", "b",
                "metrics/service%3Da%2F..%2Fb/year%3D2026/month%3D11/day%3D23/hour%3D17/f");

        assertThrows(UnrecognisedKeyException.class, () -> TABLE.partitionOf(record.bucket(), record.decodedKey()));
    }

    @Test
    void partitionOf_whenServiceLongerThanSanitiserAllows_refuses() {
        String service = "a".repeat(65);

        assertThrows(UnrecognisedKeyException.class, () -> parse(
                "service=" + service + "/year=2026/month=11/day=23/hour=17/f"));
    }
}
