package io.roxxane.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.roxxane.athena.data.SampleFleet;
import io.roxxane.athena.data.StoredRow;
import io.roxxane.athena.queries.RowAssert;
import io.roxxane.athena.trino.AthenaEngine.Result;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Trino reads from the Parquet files Hive's SerDes wrote is, value for value, what the
 * producers sent through the transform: every column of every row (64-bit integers beyond 2^31,
 * doubles to the last bit, UTF-8 text, maps, NULLs), the transform's {@code arrival_ts}, the
 * partition values.
 */
@ExtendWith(DataLakeExtension.class)
class AthenaParquetRoundTripTest {
    private static final Comparator<Map<String, Object>> ORDER = Comparator
            .comparing((Map<String, Object> r) -> String.valueOf(r.get("instance_id")))
            .thenComparing(r -> String.valueOf(r.get("seq")))
            .thenComparing(r -> (Long) r.get("arrival_ts"));

    @Test
    void everyRow_isWhatWasSent_columnForColumn(DataLake lake) {
        Result result = lake.engine().query("SELECT * FROM metrics");

        List<Map<String, Object>> expected = new ArrayList<>();
        for (StoredRow row : lake.stored()) {
            Map<String, Object> values = new LinkedHashMap<>();
            row.columns().forEach((column, value) -> values.put(column, TrinoValues.asReturned(Column.byName(column).type(), value)));
            for (String key : PartitionRule.KEYS) {
                values.put(key, row.get(key));
            }
            expected.add(values);
        }
        List<String> columns = new ArrayList<>(Column.tableColumns().stream().map(Column::columnName).toList());
        columns.addAll(PartitionRule.KEYS);
        assertEquals(columns, result.columns());
        RowAssert.assertRows("SELECT * FROM metrics", expected.stream().sorted(ORDER).toList(),
                result.rows().stream().sorted(ORDER).toList(), Map.of());
    }

    @Test
    void tags_keepEachKeyAsSent_caseIncluded(DataLake lake) {
        SampleFleet fleet = lake.fleet();
        Result result = lake.engine().query("SELECT instance_id, tags, element_at(tags, 'Env') AS upper_env,"
                + " element_at(tags, 'env') AS lower_env FROM metrics WHERE seq = 0 AND instance_id IN ('" + fleet.ckA.id()
                + "', '" + fleet.ckB.id() + "', '" + fleet.blB.id() + "', '" + fleet.blC.id() + "')");

        Map<String, List<Object>> actual = new TreeMap<>();
        result.rows().forEach(r -> actual.put((String) r.get("instance_id"),
                Arrays.asList(r.get("tags"), r.get("upper_env"), r.get("lower_env"))));
        Map<String, List<Object>> expected = new TreeMap<>();
        expected.put(fleet.ckA.id(), Arrays.asList(Map.of("Env", "test", "team", "shop"), "test", null));
        expected.put(fleet.ckB.id(), Arrays.asList(Map.of("env", "test", "Env", "TEST"), "TEST", "test"));
        expected.put(fleet.blB.id(), Arrays.asList(null, null, null));
        expected.put(fleet.blC.id(), Arrays.asList(Map.of(), null, null));
        assertEquals(expected, actual, "no tags key: NULL; {}: an empty map; keys that differ in case: both kept");
    }

    @Test
    void theAllNullSample_isOneRowOfNulls_butTheTransformsTsAndArrival(DataLake lake) {
        Result result = lake.engine().query("SELECT * FROM metrics WHERE service = 'unknown'");

        assertEquals(1, result.rows().size(), result.rows().toString());
        Map<String, Object> row = result.rows().get(0);
        List<String> notNull = new ArrayList<>();
        row.forEach((column, value) -> {
            if (value != null) {
                notNull.add(column);
            }
        });
        assertEquals(List.of("ts", "arrival_ts", "service", "year", "month", "day", "hour"), notNull);
        assertEquals(row.get("ts"), row.get("arrival_ts"), "ts missing: the transform takes the arrival time");
    }

    @Test
    void bigintsBeyond32Bits_andTheirSums_areExact(DataLake lake) {
        Result result = lake.engine().query("SELECT sum(jvm_allocated_bytes) AS total, max(jvm_allocated_bytes) AS top,"
                + " count(jvm_allocated_bytes) AS n FROM metrics");

        long total = 0;
        long top = Long.MIN_VALUE;
        long n = 0;
        for (StoredRow row : lake.stored()) {
            Long value = row.lng("jvm_allocated_bytes");
            if (value != null) {
                total += value;
                top = Math.max(top, value);
                n++;
            }
        }
        assertTrue(top > Integer.MAX_VALUE, "the data has values beyond 2^31");
        Map<String, Object> row = result.rows().get(0);
        if (!Long.valueOf(total).equals(row.get("total")) || !Long.valueOf(top).equals(row.get("top"))) {
            fail("sum/max " + row + ", expected " + total + "/" + top);
        }
        assertEquals(n, row.get("n"));
    }
}
