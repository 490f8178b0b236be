package io.roxxane.athena;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.QuickSightRun.Run;
import io.roxxane.athena.queries.Expectations;
import io.roxxane.athena.queries.QuickSightDataSet;
import io.roxxane.athena.queries.RowAssert;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The QuickSight data set's custom SQL (docs/quicksight.md) run by Trino as Athena runs it for
 * QuickSight: the samples of the last 14 UTC days and today, with {@code ts} (epoch ms) as a UTC
 * timestamp, each row equal to the one computed in Java; the declared QuickSight column types
 * fit the SQL's result types. The guide's second data set: {@link QuickSightTomcatDataSetTrinoTest}.
 */
@ExtendWith(DataLakeExtension.class)
class QuickSightDataSetTrinoTest {
    /** The exact columns, to sort both sides by. */
    private static final List<String> SORT_KEYS = List.of("sample_time", "instance_id", "service", "host", "gc_time_ms",
            "gc_max_pause_ms", "host_cpu_utilization", "process_cpu_utilization");

    private final QuickSightDataSet dataSet = QuickSightDataSet.read(Repo.quickSightGuide());

    @Test
    void dataSet_returnsTheSamplesOfTheLast14Days_asComputed(DataLake lake) {
        Run run = QuickSightRun.run(lake, dataSet);

        List<Map<String, Object>> expected = Expectations.quickSightSamples(lake.stored(), run.today());
        RowAssert.assertRows("the QuickSight data set", QuickSightRun.sorted(expected, SORT_KEYS),
                QuickSightRun.sorted(run.result().rows(), SORT_KEYS),
                Map.of("heap_used_mib", 9, "heap_max_mib", 9, "working_set_mib", 9));
        assertTrue(expected.size() < lake.stored().size(), "samples older than 14 days are left out");
        assertTrue(expected.stream().anyMatch(r -> r.get("instance_id") != null
                && r.get("instance_id").equals(lake.fleet().edge14.id())), "the sample 14 days back is in");
        assertTrue(expected.stream().noneMatch(r -> lake.fleet().edge15.id().equals(r.get("instance_id"))),
                "the sample 15 days back is out");
    }

    @Test
    void declaredColumnTypes_fitTheTypesTheSqlReturns(DataLake lake) {
        QuickSightRun.assertDeclaredTypesFit(lake, dataSet);
    }
}
