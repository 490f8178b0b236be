package io.roxxane.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.data.StoredRow;
import io.roxxane.athena.firehose.DeliveryResult.DeliveredObject;
import io.roxxane.athena.trino.AthenaEngine.Result;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Glue table as Athena's engine sees it once the template's definition is in the catalog and
 * the partitions are registered: its columns and their SQL types are the schema's, it is read as
 * Parquet, and every object Firehose wrote is in exactly its partition.
 */
@ExtendWith(DataLakeExtension.class)
class AthenaTableTrinoTest {

    @Test
    void columns_areTheSchemasWithItsTypes_thenThePartitionKeysAsVarchar(DataLake lake) {
        Result columns = lake.engine().query("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = 'roxxane' AND table_name = 'metrics' ORDER BY ordinal_position");

        List<String> expected = new ArrayList<>();
        for (Column column : Column.tableColumns()) {
            expected.add(column.columnName() + " " + SqlTypes.of(column.type()));
        }
        for (String key : PartitionRule.KEYS) {
            expected.add(key + " varchar");
        }
        assertEquals(expected, columns.rows().stream().map(r -> r.get("column_name") + " " + r.get("data_type")).toList());
    }

    @Test
    void table_isReadAsParquet_withTheSchemasComments(DataLake lake) {
        String ddl = (String) lake.engine().query("SHOW CREATE TABLE metrics").rows().get(0).get("Create Table");

        assertTrue(ddl.contains("format = 'PARQUET'"), ddl);
        assertTrue(ddl.contains("partitioned_by = ARRAY['service','year','month','day','hour']"), ddl);
        for (Column column : Column.tableColumns()) {
            assertTrue(ddl.contains(column.columnName() + " " + SqlTypes.inDdl(column.type()) + " COMMENT '"),
                    column.columnName() + " in\n" + ddl);
        }
    }

    @Test
    void partitions_areThoseOfTheObjectKeys_andHoldTheirSamples(DataLake lake) {
        Result partitions = lake.engine().query("SELECT service, year, month, day, hour FROM \"metrics$partitions\"");
        Result counts = lake.engine().query("SELECT service, year, month, day, hour, count(*) AS n FROM metrics"
                + " GROUP BY service, year, month, day, hour");

        TreeSet<String> expected = new TreeSet<>();
        for (StoredRow row : lake.stored()) {
            expected.add(String.join("/", row.partitionValues()));
        }
        assertEquals(List.copyOf(expected), partitions.rows().stream().map(r -> String.join("/", r.values().stream()
                .map(String::valueOf).toList())).sorted().toList());
        assertEquals(lake.partitions().stream().map(p -> String.join("/", p.keys().values())).sorted().toList(),
                List.copyOf(expected), "registered as the registrar parses the object keys");
        Map<String, Long> expectedCounts = lake.stored().stream()
                .collect(Collectors.groupingBy(r -> String.join("/", r.partitionValues()), TreeMap::new, Collectors.counting()));
        Map<String, Long> actualCounts = new TreeMap<>();
        counts.rows().forEach(r -> actualCounts.put(r.get("service") + "/" + r.get("year") + "/" + r.get("month") + "/"
                + r.get("day") + "/" + r.get("hour"), (Long) r.get("n")));
        assertEquals(expectedCounts, actualCounts);
        assertTrue(expected.stream().map(p -> p.split("/")[0]).distinct().count() >= 4, "several services: " + expected);
        assertTrue(expected.stream().map(p -> p.substring(p.indexOf('/'), p.lastIndexOf('/'))).distinct().count() >= 5,
                "several days: " + expected);
    }

    @Test
    void everyObject_isReadFromItsPartitionsFolder_withAllItsRows(DataLake lake) {
        Result files = lake.engine().query("SELECT \"$path\" AS path, service, year, month, day, hour, count(*) AS n"
                + " FROM metrics GROUP BY 1, 2, 3, 4, 5, 6");

        Map<String, Long> expected = new TreeMap<>();
        for (DeliveredObject object : lake.delivery().objects()) {
            expected.put("local:///" + DataLake.BUCKET + "/" + object.key(), (long) object.rows());
        }
        Map<String, Long> actual = new TreeMap<>();
        for (Map<String, Object> row : files.rows()) {
            String path = (String) row.get("path");
            String folder = "service=" + row.get("service") + "/year=" + row.get("year") + "/month=" + row.get("month")
                    + "/day=" + row.get("day") + "/hour=" + row.get("hour") + "/";
            assertTrue(path.contains("/metrics/" + folder), path + " read as partition " + folder);
            actual.put(path, (Long) row.get("n"));
        }
        assertEquals(expected, actual);
        assertTrue(lake.delivery().errors().isEmpty(), "no record failed: " + lake.delivery().errors());
        assertEquals(lake.stored().size(), expected.values().stream().mapToLong(Long::longValue).sum());
        long partitionsWithSeveralObjects = lake.delivery().objects().stream()
                .collect(Collectors.groupingBy(o -> o.key().substring(0, o.key().lastIndexOf('/')), Collectors.counting()))
                .values().stream().filter(n -> n > 1).count();
        assertTrue(partitionsWithSeveralObjects > 0, "buffer flushes split an hour into several objects");
        for (CatalogTimeline.RegisteredPartition partition : lake.partitions()) {
            assertTrue(expected.keySet().stream().anyMatch(k -> k.contains("/metrics/" + partition.keys().path())),
                    partition.toString());
        }
    }
}
