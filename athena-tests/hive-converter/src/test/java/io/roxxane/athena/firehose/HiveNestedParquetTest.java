package io.roxxane.athena.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.roxxane.athena.firehose.DeliveryRequest.TableColumn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema 2's nested columns through Hive's SerDes, read back with parquet-java: a
 * {@code map<string,struct<…>>} is a Parquet {@code MAP} whose values are groups of the struct's
 * fields; keys keep spaces, quotes and case; an absent or null struct field is NULL; an empty map
 * is an empty map, not NULL; booleans are booleans.
 */
class HiveNestedParquetTest {
    private static final Map<String, String> TABLE = HiveParquetFileTest.properties(Map.of(),
            new TableColumn("ts", "bigint"),
            new TableColumn("pools", "map<string,struct<heap:boolean,used_bytes:bigint,max_bytes:bigint>>"),
            new TableColumn("gc", "map<string,struct<count:bigint,time_ms:bigint>>"));

    @TempDir
    Path dir;

    private Path write(String... records) throws Exception {
        Path file = dir.resolve("nested.parquet");
        try (HiveParquetFile parquet = new HiveParquetFile(file, TABLE, HiveParquetFile.configuration())) {
            for (String record : records) {
                parquet.write(record.getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    @Test
    void mapOfStruct_isAParquetMapOfGroups() throws Exception {
        Path file = write("{\"ts\":1}");

        assertEquals("""
                message hive_schema {
                  optional int64 ts;
                  optional group pools (MAP) {
                    repeated group key_value (MAP_KEY_VALUE) {
                      required binary key (STRING);
                      optional group value {
                        optional boolean heap;
                        optional int64 used_bytes;
                        optional int64 max_bytes;
                      }
                    }
                  }
                  optional group gc (MAP) {
                    repeated group key_value (MAP_KEY_VALUE) {
                      required binary key (STRING);
                      optional group value {
                        optional int64 count;
                        optional int64 time_ms;
                      }
                    }
                  }
                }
                """, ParquetFiles.footer(file).getFileMetaData().getSchema().toString());
    }

    @Test
    void poolNamesAndFields_arriveAsSent_absentAndNullFieldsAreNull_anEmptyMapStaysEmpty() throws Exception {
        Path file = write("{\"ts\":1,\"pools\":{\"G1 Old Gen\":{\"heap\":true,\"used_bytes\":3221225472,\"max_bytes\":4294967296},"
                        + "\"CodeHeap 'non-nmethods'\":{\"heap\":false,\"used_bytes\":5300000,\"max_bytes\":null},"
                        + "\"Metaspace\":{\"heap\":false,\"used_bytes\":70000000}},\"gc\":{}}",
                "{\"ts\":2,\"gc\":{\"G1 Young Generation\":{\"count\":3,\"time_ms\":41}}}");

        List<Group> rows = ParquetFiles.records(file);
        assertEquals(List.of("G1 Old Gen heap=true used=3221225472 max=4294967296",
                        "CodeHeap 'non-nmethods' heap=false used=5300000 max=NULL",
                        "Metaspace heap=false used=70000000 max=NULL"),
                entries(rows.get(0).getGroup("pools", 0)));
        assertEquals(1, rows.get(0).getFieldRepetitionCount("gc"), "{} is a value");
        assertEquals(0, rows.get(0).getGroup("gc", 0).getFieldRepetitionCount("key_value"), "{} is an empty map");
        assertEquals(0, rows.get(1).getFieldRepetitionCount("pools"), "no pools key: NULL");
        Group young = rows.get(1).getGroup("gc", 0).getGroup("key_value", 0);
        assertEquals("G1 Young Generation", young.getString("key", 0));
        assertEquals(List.of(3L, 41L), List.of(young.getGroup("value", 0).getLong("count", 0),
                young.getGroup("value", 0).getLong("time_ms", 0)));
        assertFalse(entries(rows.get(0).getGroup("pools", 0)).isEmpty());
    }

    private static List<String> entries(Group map) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < map.getFieldRepetitionCount("key_value"); i++) {
            Group entry = map.getGroup("key_value", i);
            Group value = entry.getGroup("value", 0);
            entries.add(entry.getString("key", 0) + " heap=" + value.getBoolean("heap", 0) + " used=" + value.getLong("used_bytes", 0)
                    + " max=" + (value.getFieldRepetitionCount("max_bytes") == 0 ? "NULL" : value.getLong("max_bytes", 0)));
        }
        return entries;
    }
}
