package io.roxxane.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionRuleTest {

    @Test
    void pathFor_knownInstant_isZeroPaddedUtc() {
        long ts = Instant.parse("2026-03-04T05:59:59.999Z").toEpochMilli();
        assertEquals("service=checkout/year=2026/month=03/day=04/hour=05/", PartitionRule.pathFor("Checkout", ts));
    }

    @Test
    void keysFor_randomInstants_agreeWithJavaTime() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long ts = random.nextLong(PartitionRule.MIN_TS_MS, PartitionRule.MAX_TS_MS + 1);
            ZonedDateTime utc = Instant.ofEpochMilli(ts).atZone(ZoneOffset.UTC);
            PartitionKeys keys = PartitionRule.keysFor("s", ts);
            assertEquals(String.format("%04d", utc.getYear()), keys.year(), () -> "ts=" + ts);
            assertEquals(String.format("%02d", utc.getMonthValue()), keys.month(), () -> "ts=" + ts);
            assertEquals(String.format("%02d", utc.getDayOfMonth()), keys.day(), () -> "ts=" + ts);
            assertEquals(String.format("%02d", utc.getHour()), keys.hour(), () -> "ts=" + ts);
        }
    }

    @Test
    void keysFor_bounds_areInclusive() {
        assertEquals("year=2000/month=01/day=01/hour=00/",
                PartitionRule.pathFor("s", PartitionRule.MIN_TS_MS).substring("service=s/".length()));
        assertEquals("year=9999/month=12/day=31/hour=23/",
                PartitionRule.pathFor("s", PartitionRule.MAX_TS_MS).substring("service=s/".length()));
    }

    @Test
    void keysFor_outOfRange_throwsNamingTs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartitionRule.keysFor("s", PartitionRule.MIN_TS_MS - 1));
        assertEquals(true, e.getMessage().startsWith("ts "));
        assertThrows(IllegalArgumentException.class, () -> PartitionRule.keysFor("s", PartitionRule.MAX_TS_MS + 1));
        assertThrows(IllegalArgumentException.class, () -> PartitionRule.keysFor("s", -1));
    }

    @Test
    void keys_areTheGluePartitionKeysInPathOrder() {
        assertEquals(java.util.Arrays.asList("service", "year", "month", "day", "hour"), PartitionRule.KEYS);
        String path = PartitionRule.pathFor("a", PartitionRule.MIN_TS_MS);
        String[] segments = path.split("/");
        for (int i = 0; i < PartitionRule.KEYS.size(); i++) {
            assertEquals(PartitionRule.KEYS.get(i), segments[i].substring(0, segments[i].indexOf('=')));
        }
    }
}
