package io.roxxane.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void parse_pathsWrittenByPathFor_roundTripOverRandomInstantsAndNames() {
        SplittableRandom random = new SplittableRandom(17);
        String alphabet = "abcXYZ019 ./-_=\u00e9";
        for (int i = 0; i < 100_000; i++) {
            long ts = random.nextLong(PartitionRule.MIN_TS_MS, PartitionRule.MAX_TS_MS + 1);
            StringBuilder name = new StringBuilder();
            for (int j = random.nextInt(0, 20); j > 0; j--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            PartitionKeys written = PartitionRule.keysFor(name.toString(), ts);

            PartitionKeys folder = PartitionRule.parse(written.path());
            PartitionKeys file = PartitionRule.parse(written.path() + "part-" + i + ".json.gz");

            assertEquals(written, folder, () -> "ts=" + ts + " name=" + name);
            assertEquals(written, file, () -> "ts=" + ts + " name=" + name);
            assertEquals(written.hashCode(), folder.hashCode());
            assertEquals(written.path(), folder.path());
            assertEquals(written.values(), file.values());
        }
    }

    @Test
    void parse_everyHourOfALeapYearAndTheBounds_roundTrip() {
        long start = Instant.parse("2028-01-01T00:00:00Z").toEpochMilli();
        for (long ts = start; ts < start + 366 * 86_400_000L; ts += 3_600_000L) {
            assertEquals(PartitionRule.keysFor("s", ts), PartitionRule.parse(PartitionRule.pathFor("s", ts)));
        }
        assertEquals(PartitionRule.keysFor("s", PartitionRule.MIN_TS_MS),
                PartitionRule.parse("service=s/year=2000/month=01/day=01/hour=00/"));
        assertEquals(PartitionRule.keysFor("s", PartitionRule.MAX_TS_MS),
                PartitionRule.parse("service=s/year=9999/month=12/day=31/hour=23/"));
    }

    @Test
    void parse_firehoseObjectKey_givesItsAccessorsAndValuesInKeyOrder() {
        PartitionKeys keys = PartitionRule.parse(
                "service=checkout-api/year=2026/month=11/day=23/hour=17/roxxane-metrics-1-2026-11-23-17-00-00-uuid.parquet");

        assertEquals("checkout-api", keys.service());
        assertEquals("2026", keys.year());
        assertEquals("11", keys.month());
        assertEquals("23", keys.day());
        assertEquals("17", keys.hour());
        assertEquals(Arrays.asList("checkout-api", "2026", "11", "23", "17"), keys.values());
        assertEquals(PartitionRule.KEYS.size(), keys.values().size());
        assertEquals("service=checkout-api/year=2026/month=11/day=23/hour=17/", keys.path());
    }

    @Test
    void parse_hiddenOrSpacedFileNames_areFileNames() {
        assertEquals("a", PartitionRule.parse("service=a/year=2026/month=11/day=23/hour=17/.part-1.json.gz.inprogress").service());
        assertEquals("a", PartitionRule.parse("service=a/year=2026/month=11/day=23/hour=17/roxxane metrics #1.parquet").service());
    }

    @Test
    void parse_everyDayOfFourHundredYears_acceptsExactlyTheCalendarDates() {
        for (int year = 2000; year < 2400; year++) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 28; day <= 31; day++) {
                    String path = String.format("service=s/year=%04d/month=%02d/day=%02d/hour=00/", year, month, day);
                    boolean real = day <= LocalDate.of(year, month, 1).lengthOfMonth();
                    if (real) {
                        assertEquals(path, PartitionRule.parse(path).path());
                    } else {
                        assertThrows(IllegalArgumentException.class, () -> PartitionRule.parse(path), path);
                    }
                }
            }
        }
    }

    @Test
    void parse_keysInWrongOrder_namesTheSegment() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartitionRule.parse("year=2026/service=checkout-api/month=11/day=23/hour=17/f.parquet"));

        assertEquals("expected segment 'service=…', found 'year=2026'", e.getMessage());
    }

    @Test
    void parse_firehoseErrorPrefix_namesTheExpectedLayout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartitionRule.parse(
                "errors/processing-failed/2026/11/23/18/roxxane-metrics-1-2026-11-23-18-01-00-dddd"));

        assertTrue(e.getMessage().contains("service="), e.getMessage());
    }

    @Test
    void parse_missingKeys_namesTheFirstMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartitionRule.parse("service=a/year=2026/month=11"));

        assertTrue(e.getMessage().startsWith("missing segment 'day=…'"), e.getMessage());
    }

    @Test
    void parse_badMonth_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartitionRule.parse("service=a/year=2026/month=13/day=01/hour=00/"));

        assertEquals("month 13 is not 01-12", e.getMessage());
    }

    @Test
    void parse_null_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> PartitionRule.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "/",
        "service=a",
        "service=a/year=2026/month=11/day=23/hour=17",
        "service=a/year=2026/month=11/day=23",
        "service=a/year=2026/month=11/hour=17/",
        "service=a/year=2026/month=11/day=23/hour=17/deeper/f.parquet",
        "service=a/year=2026/month=11/day=23/hour=17//",
        "service=a/year=2026/month=11/day=23/hour=17/x=1/f",
        "service=a//year=2026/month=11/day=23/hour=17/f",
        "/service=a/year=2026/month=11/day=23/hour=17/",
        "service=/year=2026/month=11/day=23/hour=17/f",
        "Service=a/year=2026/month=11/day=23/hour=17/f",
        "service=a/year=26/month=11/day=23/hour=17/f",
        "service=a/year=1999/month=12/day=31/hour=23/f",
        "service=a/year=0000/month=01/day=01/hour=00/",
        "service=a/year=2026/month=13/day=01/hour=00/f",
        "service=a/year=2026/month=1/day=01/hour=00/f",
        "service=a/year=2026/month=00/day=01/hour=00/f",
        "service=a/year=2026/month=01/day=00/hour=00/f",
        "service=a/year=2026/month=01/day=32/hour=00/f",
        "service=a/year=2026/month=02/day=30/hour=00/f",
        "service=a/year=2025/month=02/day=29/hour=00/f",
        "service=a/year=2100/month=02/day=29/hour=00/f",
        "service=a/year=2026/month=04/day=31/hour=00/f",
        "service=a/year=2026/month=11/day=23/hour=24/f",
        "service=a/year=2026/month=11/day=23/hour=-1/f",
        "service=a/year=2026/month=11/day=23/hour=+1/f",
        "service=a/year=2026/month=11/day=23/hour=1/f",
        "service=a/year=2026/month=11/day=23/hour=017/f",
        "service=a/year=\uff12\uff10\uff12\uff16/month=11/day=23/hour=01/f",
        "service=Checkout/year=2026/month=11/day=23/hour=17/f",
        "service=a b/year=2026/month=11/day=23/hour=17/f",
        "service=a=b/year=2026/month=11/day=23/hour=17/f",
        "service=a-/year=2026/month=11/day=23/hour=17/f",
        "service=a\\b/year=2026/month=11/day=23/hour=17/f",
        "service=a\\year=2026\\month=11\\day=23\\hour=17\\f",
    })
    void parse_whenNotTheLayout_refuses(String path) {
        assertThrows(IllegalArgumentException.class, () -> PartitionRule.parse(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "service=../year=2026/month=11/day=23/hour=17/f",
        "service=./year=2026/month=11/day=23/hour=17/f",
        "service=.hidden/year=2026/month=11/day=23/hour=17/f",
        "service=a..b/year=2026/month=11/day=23/hour=17/f",
        "service=a/../service=b/year=2026/month=11/day=23/hour=17/f",
        "../service=a/year=2026/month=11/day=23/hour=17/f",
        "./service=a/year=2026/month=11/day=23/hour=17/f",
        "service=a/year=2026/month=11/day=23/hour=17/../f",
        "service=a/year=2026/month=11/day=23/hour=17/..",
        "service=a/year=2026/month=11/day=23/hour=17/.",
        "service=a/year=2026/month=11/../hour=17/f",
        "service=a%2F..%2Fb/year=2026/month=11/day=23/hour=17/f",
    })
    void parse_whenTraversalAttempt_refuses(String path) {
        assertThrows(IllegalArgumentException.class, () -> PartitionRule.parse(path));
    }

    @Test
    void parse_serviceLongerThanTheSanitiserAllows_refuses() {
        StringBuilder service = new StringBuilder();
        for (int i = 0; i <= ServiceNames.MAX_LENGTH; i++) {
            service.append('a');
        }

        assertThrows(IllegalArgumentException.class,
                () -> PartitionRule.parse("service=" + service + "/year=2026/month=11/day=23/hour=17/f"));
        assertEquals(ServiceNames.MAX_LENGTH, PartitionRule.parse("service=" + service.substring(1)
                + "/year=2026/month=11/day=23/hour=17/").service().length());
    }
}
