package io.roxxane.agent.sink.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exactly the names the sink writes are its own: nothing near them. */
class SinkLayoutTest {
    private static final List<String> HOUR_10 =
            List.of("service=svc", "year=2026", "month=03", "day=04", "hour=10");

    @Test
    void partitionFolders_matchWhatPartitionRuleWrites_forAnyServiceAndTime() {
        Random random = new Random(5);
        String[] services = {"Checkout API", "orders", "a.b", "ÜNICODE ☃", "", null, "x".repeat(300), "-x-"};
        for (int i = 0; i < 5_000; i++) {
            long ts = PartitionRule.MIN_TS_MS + (long) (random.nextDouble() * (PartitionRule.MAX_TS_MS - PartitionRule.MIN_TS_MS));
            PartitionKeys keys = PartitionRule.keysFor(services[i % services.length], ts);
            List<String> folders = PartitionFolders.of(keys);
            assertEquals(keys.path(), String.join("/", folders) + "/");
            for (int depth = 0; depth < folders.size(); depth++) {
                assertTrue(SinkLayout.INSTANCE.isOwnedFolder(folders.subList(0, depth), folders.get(depth)), keys.path());
            }
            String name = SinkLayout.closedName(FileSink.fileTime(keys, ts), "0123abcd", i);
            assertTrue(SinkLayout.INSTANCE.isOwnedFile(folders, name), name + " in " + keys.path());
            assertTrue(SinkLayout.INSTANCE.isOwnedFile(folders, SinkLayout.inProgressName(name)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Service=svc", "service=", "service=Svc", "service=a b", "service=-a", "service=a..b",
        "service=.a", "year=2026", "service=svc ", "app-logs", ".service=svc"})
    void serviceFolder_onlyTheSanitisedForm(String name) {
        assertFalse(SinkLayout.INSTANCE.isOwnedFolder(List.of(), name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"year=26", "year=1999", "year=02026", "year=２０２６", "month=3", "month=13", "month=00",
        "day=32", "day=00", "hour=24", "hour=1", "hour=+1"})
    void timeFolders_onlyInRange_twoOrFourDigits(String name) {
        String key = name.substring(0, name.indexOf('='));
        int depth = List.of("service", "year", "month", "day", "hour").indexOf(key);
        assertFalse(SinkLayout.INSTANCE.isOwnedFolder(HOUR_10.subList(0, depth), name), name);
        assertFalse(SinkLayout.INSTANCE.isOwnedFolder(List.of(), "year=2026"), "each key only at its depth");
        assertFalse(SinkLayout.INSTANCE.isOwnedFolder(HOUR_10, "hour=10"), "nothing below the hour");
    }

    @Test
    void files_exactlyTheSinksNames_whoseHourIsTheFolders() {
        List<String> own = List.of("part-20260304T101500Z-abcd1234-0.json.gz",
                "part-20260304T105959Z-00000000-123456789.json.gz",
                "part-20260304T101500Z-abcd1234-7-salvaged.json.gz",
                ".part-20260304T101500Z-abcd1234-8.json.gz.inprogress",
                ".part-20260304T101500Z-abcd1234-8-salvaged.json.gz.inprogress");
        for (String name : own) {
            assertTrue(SinkLayout.INSTANCE.isOwnedFile(HOUR_10, name), name);
        }
        List<String> foreign = new ArrayList<>(List.of("export.json.gz", "app-2026-11-01.json.gz",
                "part-20260304T101500Z-ABCD1234-0.json.gz", // upper-case hex
                "part-20260304T101500Z-abcd123-0.json.gz", // 7 hex digits
                "part-20260304T101500Z-abcd1234-01.json.gz", // leading zero
                "part-20260304T101500Z-abcd1234--1.json.gz",
                "part-20260305T101500Z-abcd1234-0.json.gz", // another day than the folder
                "part-20260304T111500Z-abcd1234-0.json.gz", // another hour
                "part-20260304T106000Z-abcd1234-0.json.gz", // minute 60
                "part-20260304T101500-abcd1234-0.json.gz", // no Z
                "part-20260304T101500Z-abcd1234-0.json", "part-20260304T101500Z-abcd1234-0.json.gz.bak",
                "part-20260304T101500Z-abcd1234-0-salvaged-salvaged.json.gz",
                ".part-20260304T101500Z-abcd1234-0.json.gz", // hidden but not in progress
                "part-20260304T101500Z-abcd1234-0.json.gz.inprogress", // in progress but not hidden
                ".part-foo.json.gz.inprogress", ".export.json.gz.inprogress", "..part-20260304T101500Z-abcd1234-0.json.gz.inprogress",
                "part-20260304T101500Z-abcd1234-0.json.gz\n", "part-20260304T101500Z-abcd1234-12345678901234567890.json.gz"));
        for (String name : foreign) {
            assertFalse(SinkLayout.INSTANCE.isOwnedFile(HOUR_10, name), name);
        }
        assertFalse(SinkLayout.INSTANCE.isOwnedFile(HOUR_10.subList(0, 4), own.get(0)), "only in an hour's folder");
        assertFalse(SinkLayout.INSTANCE.isOwnedFile(List.of(), own.get(0)), "never at the top");
    }

    @Test
    void names_salvageAndSinkId() {
        assertEquals(".part-20260304T101500Z-abcd1234-0.json.gz.inprogress",
                SinkLayout.inProgressName("part-20260304T101500Z-abcd1234-0.json.gz"));
        assertEquals("part-20260304T101500Z-abcd1234-0-salvaged.json.gz",
                SinkLayout.salvagedName(".part-20260304T101500Z-abcd1234-0.json.gz.inprogress"));
        assertTrue(SinkLayout.isSalvage(".part-20260304T101500Z-abcd1234-0-salvaged.json.gz.inprogress"));
        assertFalse(SinkLayout.isSalvage(".part-20260304T101500Z-abcd1234-0.json.gz.inprogress"));
        assertEquals(".part-20260304T101500Z-abcd1234-0.json.gz.inprogress",
                SinkLayout.salvageSource(".part-20260304T101500Z-abcd1234-0-salvaged.json.gz.inprogress"));
        assertEquals("abcd1234", SinkLayout.sinkId(".part-20260304T101500Z-abcd1234-0.json.gz.inprogress"));
        assertTrue(SinkLayout.isClosed("part-20260304T101500Z-abcd1234-0.json.gz"));
        assertFalse(SinkLayout.isClosed(".part-20260304T101500Z-abcd1234-0.json.gz.inprogress"));
    }
}
