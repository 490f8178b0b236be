package io.roxxane.athena.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.firehose.DeliveryRequest.TableColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream's deserializer reaches Hive as configured: HiveJsonSerDe's {@code TimestampFormats}
 * becomes HCatalog's {@code timestamp.formats} (and Hive then honours it); OpenX, or an option
 * HiveJsonSerDe does not have, stops the converter before it writes anything.
 */
class JsonDeserializerOptionsTest {
    @TempDir
    Path dir;

    @Test
    void hiveJsonSerDe_withoutOptions_addsNoProperty() {
        assertEquals(Map.of(), JsonDeserializerOptions.serdeProperties("HiveJsonSerDe", Map.of()));
    }

    @Test
    void timestampFormats_areHcatalogsTimestampFormats_andHiveHonoursThem() throws Exception {
        Map<String, String> table = HiveParquetFileTest.properties(Map.of("TimestampFormats", "millis"),
                new TableColumn("t", "timestamp"));
        assertEquals("millis", table.get("timestamp.formats"));

        Path file = dir.resolve("t.parquet");
        try (HiveParquetFile parquet = new HiveParquetFile(file, table, HiveParquetFile.configuration())) {
            parquet.write("{\"t\":\"1700000000123\"}".getBytes(StandardCharsets.UTF_8));
        }
        Binary int96 = ParquetFiles.records(file).get(0).getInt96("t", 0);
        ByteBuffer bytes = int96.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        long julianDay = bytes.getInt();
        assertEquals(1_700_000_000_123L, (julianDay - 2_440_588) * 86_400_000L + nanosOfDay / 1_000_000,
                "epoch millis read as that instant (Hive's INT96: Julian day and nanoseconds of the day)");
    }

    @Test
    void openX_orAnUnknownOption_isRefused_beforeAnyWrite() {
        IllegalArgumentException openX = assertThrows(IllegalArgumentException.class, () -> new FirehoseDelivery(
                new DeliveryRequest("s", "p/", "e/", "OpenXJsonSerDe", Map.of("CaseInsensitive", "true"), "SNAPPY", List.of(),
                        List.of()), dir));
        assertTrue(openX.getMessage().contains("not OpenXJsonSerDe"), openX.getMessage());
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> JsonDeserializerOptions.serdeProperties("HiveJsonSerDe", Map.of("CaseInsensitive", "false")));
        assertTrue(option.getMessage().contains("no option CaseInsensitive"), option.getMessage());
    }
}
