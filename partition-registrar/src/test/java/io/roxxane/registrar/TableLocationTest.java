package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.roxxane.schema.PartitionRule;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableLocationTest {

    @Test
    void parse_whenPrefixWithOrWithoutSlash_normalisesToTrailingSlash() {
        assertEquals(new TableLocation("bucket", "metrics/"), TableLocation.parse("s3://bucket/metrics/"));
        assertEquals(new TableLocation("bucket", "metrics/"), TableLocation.parse("s3://bucket/metrics"));
        assertEquals(new TableLocation("bucket", "a/b/"), TableLocation.parse("s3://bucket/a/b"));
    }

    @Test
    void parse_whenBucketRoot_hasEmptyPrefix() {
        assertEquals(new TableLocation("bucket", ""), TableLocation.parse("s3://bucket/"));
        assertEquals(new TableLocation("bucket", ""), TableLocation.parse("s3://bucket"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bucket/metrics/", "https://bucket.s3.amazonaws.com/metrics/", "s3://", "s3:///metrics/",
        "s3://bucket//metrics/"})
    void parse_whenNotAnS3Uri_throwsNamingTheValue(String location) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableLocation.parse(location));
        assertEquals("table location must be an s3://bucket/prefix/ URI, was '" + location + "'", e.getMessage());
    }

    @Test
    void relativeKey_whenUnderLocation_stripsPrefix() {
        TableLocation location = TableLocation.parse("s3://bucket/metrics/");

        assertEquals(Optional.of("service=a/f"), location.relativeKey("bucket", "metrics/service=a/f"));
    }

    @Test
    void relativeKey_whenOtherBucketOrLookalikePrefix_isEmpty() {
        TableLocation location = TableLocation.parse("s3://bucket/metrics/");

        assertEquals(Optional.empty(), location.relativeKey("other-bucket", "metrics/service=a/f"));
        assertEquals(Optional.empty(), location.relativeKey("bucket", "metrics2/service=a/f"));
        assertEquals(Optional.empty(), location.relativeKey("bucket", "metrics"));
        assertEquals(Optional.empty(), location.relativeKey("bucket", "service=a/f"));
    }

    @Test
    void partitionLocation_whenPartition_isTheHourFolder() {
        TableLocation location = TableLocation.parse("s3://bucket/metrics");

        assertEquals("s3://bucket/metrics/service=a/year=2026/month=11/day=23/hour=05/",
                location.partitionLocation(PartitionRule.parse("service=a/year=2026/month=11/day=23/hour=05/")));
        assertEquals("s3://bucket/service=a/year=2026/month=11/day=23/hour=05/",
                TableLocation.parse("s3://bucket").partitionLocation(PartitionRule.parse("service=a/year=2026/month=11/day=23/hour=05/")));
    }
}
