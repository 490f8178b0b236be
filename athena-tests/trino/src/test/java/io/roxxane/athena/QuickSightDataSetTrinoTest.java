package io.roxxane.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.queries.Expectations;
import io.roxxane.athena.queries.QuickSightDataSet;
import io.roxxane.athena.queries.RowAssert;
import io.roxxane.athena.trino.AthenaEngine.Result;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The QuickSight data set's custom SQL (docs/quicksight.md) run by Trino as Athena runs it for
 * QuickSight: the samples of the last 14 UTC days and today, with {@code ts} (epoch ms) as a UTC
 * timestamp, each row equal to the one computed in Java; the declared QuickSight column types
 * fit the SQL's result types.
 */
@ExtendWith(DataLakeExtension.class)
class QuickSightDataSetTrinoTest {
    private final QuickSightDataSet dataSet = QuickSightDataSet.read(Repo.quickSightGuide());

    @Test
    void dataSet_returnsTheSamplesOfTheLast14Days_asComputed(DataLake lake) {
        LocalDate today;
        Result result;
        do {
            today = currentDate(lake);
            result = lake.engine().query(dataSet.sql());
        } while (!today.equals(currentDate(lake)));   // the query ran across a UTC midnight: again

        List<Map<String, Object>> expected = Expectations.quickSightSamples(lake.stored(), today);
        RowAssert.assertRows("the QuickSight data set", sorted(expected), sorted(result.rows()),
                Map.of("heap_used_mib", 9, "heap_max_mib", 9, "working_set_mib", 9));
        assertTrue(expected.size() < lake.stored().size(), "samples older than 14 days are left out");
        assertTrue(expected.stream().anyMatch(r -> r.get("instance_id") != null
                && r.get("instance_id").equals(lake.fleet().edge14.id())), "the sample 14 days back is in");
        assertTrue(expected.stream().noneMatch(r -> lake.fleet().edge15.id().equals(r.get("instance_id"))),
                "the sample 15 days back is out");
    }

    @Test
    void declaredColumnTypes_fitTheTypesTheSqlReturns(DataLake lake) {
        Result result = lake.engine().query(dataSet.sql() + " LIMIT 1");

        assertEquals(List.copyOf(dataSet.columns().keySet()), result.columns());
        List<String> misfits = new ArrayList<>();
        for (Map.Entry<String, String> column : dataSet.columns().entrySet()) {
            String type = result.type(column.getKey());
            boolean fits = switch (column.getValue()) {
                case "DATETIME" -> type.startsWith("timestamp(");
                case "STRING" -> type.startsWith("varchar");
                case "INTEGER" -> type.equals("bigint") || type.equals("integer");
                case "DECIMAL" -> type.equals("double") || type.startsWith("decimal(");
                default -> false;
            };
            if (!fits) {
                misfits.add(column.getKey() + " declared " + column.getValue() + ", Trino returns " + type);
            }
        }
        assertEquals(List.of(), misfits);
    }

    private static LocalDate currentDate(DataLake lake) {
        return (LocalDate) lake.engine().query("SELECT current_date AS d").rows().get(0).get("d");
    }

    /** The data set has no order: both sides sorted by the columns that are exact. */
    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        List<String> keys = List.of("sample_time", "instance_id", "service", "host", "gc_time_ms", "gc_max_pause_ms",
                "host_cpu_utilization", "process_cpu_utilization");
        return rows.stream().sorted(Comparator.comparing(r -> keys.stream()
                .map(k -> String.valueOf(RowAssert.normalised(r.get(k)))).reduce("", (a, b) -> a + "|" + b))).toList();
    }
}
