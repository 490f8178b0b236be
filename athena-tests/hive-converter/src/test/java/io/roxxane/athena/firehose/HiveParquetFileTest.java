package io.roxxane.athena.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.roxxane.athena.firehose.DeliveryRequest.TableColumn;
import io.roxxane.athena.firehose.DeliveryRequest.TableVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.serde2.SerDeException;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hive's JSON and Parquet SerDes as the converter chains them, checked by reading the file back
 * with parquet-java: the Parquet types Hive's type mapping gives each Glue type, Snappy, and what
 * Hive's JSON SerDe does with the JSON the transform lets through (these decide the SerDe
 * finding in athena-tests/README.md).
 */
class HiveParquetFileTest {
    private static final Map<String, String> TABLE = properties(Map.of(), new TableColumn("ts", "bigint"),
            new TableColumn("n", "int"), new TableColumn("d", "double"), new TableColumn("s", "string"),
            new TableColumn("tags", "map<string,string>"));

    /** The table properties the converter gives Hive for these columns, with the stream's HiveJsonSerDe options. */
    static Map<String, String> properties(Map<String, String> deserializerOptions, TableColumn... columns) {
        TableVersion version = new TableVersion("1", List.of(columns));
        return new DeliveryRequest("s", "p/", "e/", "HiveJsonSerDe", deserializerOptions, "SNAPPY", List.of(version), List.of())
                .serdeProperties(version);
    }

    @TempDir
    Path dir;

    private Path write(String... records) throws Exception {
        return write(TABLE, records);
    }

    private Path write(Map<String, String> table, String... records) throws Exception {
        Path file = dir.resolve("part.parquet");
        try (HiveParquetFile parquet = new HiveParquetFile(file, table, HiveParquetFile.configuration())) {
            for (String record : records) {
                parquet.write(record.getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    @Test
    void schema_isHivesMappingOfTheGlueTypes_everyColumnOptional_snappyCompressed() throws Exception {
        Path file = write("{\"ts\":1}");

        ParquetMetadata footer = ParquetFiles.footer(file);
        assertEquals("""
                message hive_schema {
                  optional int64 ts;
                  optional int32 n;
                  optional double d;
                  optional binary s (STRING);
                  optional group tags (MAP) {
                    repeated group key_value (MAP_KEY_VALUE) {
                      required binary key (STRING);
                      optional binary value (STRING);
                    }
                  }
                }
                """, footer.getFileMetaData().getSchema().toString());
        List<CompressionCodecName> codecs = new ArrayList<>();
        for (ColumnChunkMetaData column : footer.getBlocks().get(0).getColumns()) {
            codecs.add(column.getCodec());
        }
        assertEquals(List.of(CompressionCodecName.SNAPPY), codecs.stream().distinct().toList());
        assertEquals("parquet-mr version 1.13.1 (build db4183109d5b734ec5930d870cdae161e408ddba)",
                footer.getFileMetaData().getCreatedBy(), "Hive 4.0.1's own Parquet writer");
    }

    @Test
    void values_nulls_unicodeAndMaps_arriveAsSent() throws Exception {
        Path file = write("{\"ts\":9007199254740993,\"n\":-7,\"d\":0.1,\"s\":\"äö €\",\"tags\":{\"Env\":\"prod\",\"env\":\"dev\"}}",
                "{\"ts\":null,\"n\":null,\"d\":null,\"s\":null,\"tags\":null}", "{}");

        List<Group> rows = ParquetFiles.records(file);
        assertEquals(3, rows.size());
        Group first = rows.get(0);
        assertEquals(9007199254740993L, first.getLong("ts", 0), "beyond a double's 53 bits");
        assertEquals(-7, first.getInteger("n", 0));
        assertEquals(0.1, first.getDouble("d", 0));
        assertEquals("äö €", first.getString("s", 0));
        assertEquals(List.of("Env=prod", "env=dev"), entries(first), "map keys keep their case, both kept");
        for (Group empty : rows.subList(1, 3)) {
            for (String column : List.of("ts", "n", "d", "s", "tags")) {
                assertEquals(0, empty.getFieldRepetitionCount(column), column + " is NULL");
            }
        }
    }

    @Test
    void columnKeys_matchWhateverTheirCase_unknownKeysAreIgnored() throws Exception {
        Path file = write("{\"TS\":5,\"Service\":\"x\",\"future\":{\"a\":[1,2]}}");

        Group row = ParquetFiles.records(file).get(0);
        assertEquals(5, row.getLong("ts", 0), "Hive's JSON SerDe matches column names case-insensitively");
    }

    @Test
    void aValueTooBigForAnIntColumn_isWrappedSilently_notRefused() throws Exception {
        Path file = write("{\"n\":3000000000}");

        assertEquals((int) 3_000_000_000L, ParquetFiles.records(file).get(0).getInteger("n", 0),
                "Hive's JSON SerDe truncates to 32 bits: a Glue type narrower than the data corrupts values without an error");
    }

    @Test
    void anObjectWhereTheTableWantsANumber_failsTheRecord() throws Exception {
        Path file = dir.resolve("bad.parquet");
        try (HiveParquetFile parquet = new HiveParquetFile(file, TABLE, HiveParquetFile.configuration())) {
            assertThrows(SerDeException.class, () -> parquet.write("{\"ts\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8)));
            parquet.write("{\"ts\":2}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(2L), ParquetFiles.records(file).stream().map(g -> g.getLong("ts", 0)).toList(),
                "the record that failed is not in the file; the next one is");
    }

    private static List<String> entries(Group row) {
        Group map = row.getGroup("tags", 0);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < map.getFieldRepetitionCount("key_value"); i++) {
            Group entry = map.getGroup("key_value", i);
            entries.add(entry.getString("key", 0) + "=" + entry.getString("value", 0));
        }
        return entries;
    }
}
