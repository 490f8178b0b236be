package io.roxxane.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.CatalogTimeline.RegisteredPartition;
import io.roxxane.athena.data.SampleFleet;
import io.roxxane.athena.data.Send;
import io.roxxane.athena.data.StoredRow;
import io.roxxane.athena.glue.TableHistory;
import io.roxxane.athena.trino.AthenaEngine.Result;
import io.roxxane.schema.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The table mid-upgrade as Athena reads it: partitions registered before the stack upgrade keep the
 * schema-1 column list beside partitions registered after it, both read through the schema-2
 * table; the new columns read as NULL in the old partitions; map-of-struct values come back from
 * the Parquet files as the agents sent them, read by key and field; an agent upgraded before its
 * stack loses its schema-2 values to the schema-1 conversion.
 */
@ExtendWith(DataLakeExtension.class)
class MixedSchemaTrinoTest {
    private static final List<String> SCHEMA_TWO = Column.tableColumns().stream().filter(c -> c.sinceVersion() == 2)
            .map(Column::columnName).toList();

    @Test
    void partitions_registeredBeforeTheUpgrade_keepTheSchema1Columns_laterOnesHaveSchema2s(DataLake lake) {
        List<String> v1 = Column.tableColumns().stream().filter(c -> c.sinceVersion() == 1).map(Column::columnName).toList();
        List<String> v2 = Column.tableColumns().stream().map(Column::columnName).toList();
        Map<String, Integer> kinds = new TreeMap<>();
        for (RegisteredPartition partition : lake.partitions()) {
            List<String> expected = partition.tableVersionId().equals(TableHistory.BEFORE) ? v1 : v2;
            assertEquals(expected, lake.partitionColumns(partition.keys()), partition.toString());
            kinds.merge(partition.tableVersionId(), 1, Integer::sum);
        }
        assertTrue(kinds.getOrDefault(TableHistory.BEFORE, 0) >= 5 && kinds.getOrDefault(TableHistory.AFTER, 0) >= 5, kinds.toString());
        Set<String> schemaTwoPartitions = lake.stored().stream().filter(r -> r.get("jvm_memory_pools") != null)
                .map(r -> r.partition().path()).collect(Collectors.toSet());
        assertTrue(lake.partitions().stream().filter(p -> schemaTwoPartitions.contains(p.keys().path()))
                .allMatch(p -> p.tableVersionId().equals(TableHistory.AFTER)), "schema-2 values only in schema-2 partitions");
        assertTrue(lake.stored().stream().filter(r -> schemaTwoPartitions.contains(r.partition().path()))
                .anyMatch(r -> Integer.valueOf(1).equals(r.get("schema_version"))), "schema-1 rows beside schema-2 rows");
    }

    @Test
    void oldPartitions_readEveryNewColumnAsNull(DataLake lake) {
        List<String> old = lake.partitions().stream().filter(p -> p.tableVersionId().equals(TableHistory.BEFORE))
                .map(p -> "'" + p.keys().path() + "'").toList();
        String counts = SCHEMA_TWO.stream().map(c -> "count(" + c + ")").collect(Collectors.joining(" + "));
        Result result = lake.engine().query("SELECT count(*) AS n, " + counts + " AS new_values FROM metrics"
                + " WHERE concat('service=', service, '/year=', year, '/month=', month, '/day=', day, '/hour=', hour, '/') IN ("
                + String.join(", ", old) + ")");

        Set<String> oldPaths = lake.partitions().stream().filter(p -> p.tableVersionId().equals(TableHistory.BEFORE))
                .map(p -> p.keys().path()).collect(Collectors.toSet());
        long rows = lake.stored().stream().filter(r -> oldPaths.contains(r.partition().path())).count();
        assertEquals(List.of(rows, 0L), List.of(result.rows().get(0).get("n"), result.rows().get(0).get("new_values")));
        assertTrue(rows > 200, "the old partitions hold rows: " + rows);
    }

    @Test
    void anAgentUpgradedBeforeItsStack_losesItsSchema2Values_keepsTheRest(DataLake lake) {
        SampleFleet fleet = lake.fleet();
        Result result = lake.engine().query("SELECT count(*) AS n, count_if(schema_version = 2) AS v2, count(k8s_pod_name) AS pods,"
                + " count(jvm_memory_pools) AS pools, min(container_cpu_limit) AS cpu_limit FROM metrics WHERE instance_id = '"
                + fleet.ckEarly.id() + "'");

        long sent = lake.fleet().sends().stream().flatMap(s -> s.samples().stream())
                .filter(s -> fleet.ckEarly.id().equals(s.get("instance_id")) && s.get("jvm_memory_pools") != null).count();
        assertEquals(Arrays.asList(sent, sent, 0L, 0L, 2.0), new ArrayList<>(result.rows().get(0).values()),
                "sent with pools and pod; stored without (the schema-1 table converted them); the schema-1 column kept");
    }

    @Test
    void mapOfStructValues_comeBackAsSent_byKeyAndField(DataLake lake) {
        SampleFleet fleet = lake.fleet();
        Result result = lake.engine().query("SELECT instance_id, seq,"
                + " jvm_memory_pools['G1 Old Gen'].used_bytes AS old_gen_used,"
                + " jvm_memory_pools['G1 Old Gen'].max_bytes AS old_gen_max,"
                + " jvm_memory_pools['CodeHeap ''non-nmethods'''].used_bytes AS code_heap_used,"
                + " jvm_memory_pools['CodeHeap ''profiled nmethods'''].max_bytes AS profiled_max,"
                + " jvm_memory_pools['G1 Eden Space'].max_bytes AS eden_max,"
                + " jvm_memory_pools['Metaspace'].heap AS metaspace_heap,"
                + " jvm_gc_pauses['G1 Young Generation'].count AS young_count,"
                + " jvm_gc_concurrent['G1 Concurrent GC'].time_ms AS concurrent_ms,"
                + " host_network_interfaces['eth0'].rx_bytes AS eth0_rx,"
                + " host_disks['nvme0n1'].io_time_ms AS disk_io_ms,"
                + " host_file_systems['/var/lib/my data'].type AS data_type,"
                + " host_file_systems['/var/lib/my data'].available_bytes AS data_available,"
                + " cardinality(jvm_memory_pools) AS pools"
                + " FROM metrics WHERE instance_id IN ('" + fleet.ckPod.id() + "', '" + fleet.blPod.id() + "')");

        Map<String, List<Object>> expected = new TreeMap<>();
        for (Map<String, Object> s : sent(lake, fleet.ckPod.id(), fleet.blPod.id())) {
            expected.put(s.get("instance_id") + "/" + s.get("seq"), Arrays.asList(
                    field(s, "jvm_memory_pools", "G1 Old Gen", "used_bytes"), field(s, "jvm_memory_pools", "G1 Old Gen", "max_bytes"),
                    field(s, "jvm_memory_pools", "CodeHeap 'non-nmethods'", "used_bytes"),
                    field(s, "jvm_memory_pools", "CodeHeap 'profiled nmethods'", "max_bytes"),
                    field(s, "jvm_memory_pools", "G1 Eden Space", "max_bytes"), field(s, "jvm_memory_pools", "Metaspace", "heap"),
                    field(s, "jvm_gc_pauses", "G1 Young Generation", "count"), field(s, "jvm_gc_concurrent", "G1 Concurrent GC", "time_ms"),
                    field(s, "host_network_interfaces", "eth0", "rx_bytes"), field(s, "host_disks", "nvme0n1", "io_time_ms"),
                    field(s, "host_file_systems", "/var/lib/my data", "type"),
                    field(s, "host_file_systems", "/var/lib/my data", "available_bytes"),
                    (long) ((Map<?, ?>) s.get("jvm_memory_pools")).size()));
        }
        Map<String, List<Object>> actual = new TreeMap<>();
        for (Map<String, Object> row : result.rows()) {
            List<Object> values = new ArrayList<>(row.values());
            actual.put(values.get(0) + "/" + values.get(1), values.subList(2, values.size()));
        }
        assertEquals(expected, actual);
        assertTrue(expected.values().stream().allMatch(v -> v.get(3) == null && v.get(4) == null && Boolean.FALSE.equals(v.get(5))),
                "a field sent as JSON null and one left out are NULL; false stays false");
        assertEquals(2 * 120, expected.size());
    }

    @Test
    void elementAt_overTheWholeFleet_isNullWhereTheKeyOrTheColumnIsMissing(DataLake lake) {
        Result result = lake.engine().query("SELECT instance_id, seq, arrival_ts,"
                + " element_at(jvm_memory_pools, 'G1 Old Gen').used_bytes AS old_gen_used,"
                + " element_at(jvm_memory_pools, 'ZHeap').max_bytes AS zheap_max,"
                + " element_at(jvm_gc_pauses, 'PS MarkSweep').time_ms AS mark_sweep_ms,"
                + " cardinality(jvm_gc_concurrent) AS concurrent_collectors"
                + " FROM metrics");

        Map<String, List<Object>> expected = new TreeMap<>();
        for (StoredRow r : lake.stored()) {
            expected.put(r.get("instance_id") + "/" + r.get("seq") + "/" + r.get("arrival_ts"), Arrays.asList(
                    stored(r, "jvm_memory_pools", "G1 Old Gen", "used_bytes"), stored(r, "jvm_memory_pools", "ZHeap", "max_bytes"),
                    stored(r, "jvm_gc_pauses", "PS MarkSweep", "time_ms"),
                    r.map("jvm_gc_concurrent") == null ? null : (long) r.map("jvm_gc_concurrent").size()));
        }
        Map<String, List<Object>> actual = new TreeMap<>();
        for (Map<String, Object> row : result.rows()) {
            List<Object> values = new ArrayList<>(row.values());
            actual.put(values.get(0) + "/" + values.get(1) + "/" + values.get(2), values.subList(3, values.size()));
        }
        assertEquals(expected.size(), result.rows().size(), "one key per row");
        assertEquals(expected, actual);
        assertTrue(expected.values().stream().anyMatch(v -> Long.valueOf(0).equals(v.get(3))), "an empty map ({}) is empty, not NULL");
        assertTrue(expected.values().stream().anyMatch(v -> v.get(1) != null && (Long) v.get(1) > Integer.MAX_VALUE),
                "a struct field beyond 2^31 (the 4 GiB ZHeap)");
    }

    /** The samples sent by these instances (none of them re-sent), as the agents wrote them. */
    private static List<Map<String, Object>> sent(DataLake lake, String... instances) {
        List<String> ids = List.of(instances);
        List<Map<String, Object>> samples = new ArrayList<>();
        for (Send send : lake.fleet().sends()) {
            send.samples().stream().filter(s -> s.get("instance_id") != null && ids.contains(s.get("instance_id")))
                    .forEach(samples::add);
        }
        return samples;
    }

    /** A struct field of a map entry of a sample as sent: absent, null or a JSON value (numbers as long). */
    private static Object field(Map<String, Object> sample, String column, String key, String field) {
        Map<?, ?> map = (Map<?, ?>) sample.get(column);
        Map<?, ?> struct = map == null ? null : (Map<?, ?>) map.get(key);
        Object value = struct == null ? null : struct.get(field);
        return value instanceof Number n ? (Object) n.longValue() : value;
    }

    private static Object stored(StoredRow row, String column, String key, String field) {
        Map<String, Object> map = row.map(column);
        Map<?, ?> struct = map == null ? null : (Map<?, ?>) map.get(key);
        return struct == null ? null : struct.get(field);
    }
}
