package io.roxxane.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.data.SampleFleet;
import io.roxxane.athena.queries.SchemaTwoExpectations;
import io.roxxane.schema.ServiceNames;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The named queries that read schema-2 columns (map entries unnested through {@code map_keys},
 * struct fields read with {@code m[k].field}), run by Trino over the fleet mid-upgrade: each returns
 * exactly the rows computed in Java ({@link SchemaTwoExpectations}), and the faults the fleet was
 * given are spelled out, so that an expectation that drifted along with a query would show.
 */
@ExtendWith(DataLakeExtension.class)
class AthenaSchemaTwoQueriesTrinoTest {
    private static final String CHECKOUT = ServiceNames.sanitize(SampleFleet.CHECKOUT);

    @Test
    void containerCpuThrottling(DataLake lake) {
        List<Map<String, Object>> rows = NamedQueryRun.run(lake, "container_cpu_throttling",
                SchemaTwoExpectations::containerCpuThrottling, Map.of("throttled_time_share", 4, "throttled_period_share", 4));

        SampleFleet fleet = lake.fleet();
        assertEquals(fleet.ckPod.deployment().pod(), rows.get(0).get("container"), "the pod throttled in most intervals first");
        assertEquals(Set.of(fleet.ckPod.deployment().pod(), "checkout", fleet.blDocker.host()),
                rows.stream().map(r -> r.get("container")).collect(Collectors.toSet()),
                "a pod, an ECS container by name, a Docker container by host; never throttled (billing pod) or values lost"
                        + " (the pod upgraded before the stack): no row");
        assertEquals(1.0, rows.stream().filter(r -> r.get("container").equals("checkout")).findFirst().orElseThrow()
                .get("cpu_limit_cores"), "the ECS task's limit, sent as the JSON number 1");
    }

    @Test
    void memoryPoolsNearMax(DataLake lake) {
        List<Map<String, Object>> rows = NamedQueryRun.run(lake, "memory_pools_near_max", SchemaTwoExpectations::memoryPoolsNearMax,
                Map.of("max_mib", 1, "used_max_mib", 1, "used_max_share", 4, "used_after_gc_max_share", 4));

        SampleFleet fleet = lake.fleet();
        Set<String> pools = new TreeSet<>();
        rows.forEach(r -> pools.add(r.get("instance_id") + " " + r.get("pool")));
        for (String expected : List.of(fleet.ckPod.id() + " G1 Old Gen", fleet.blPod.id() + " Compressed Class Space",
                fleet.blDocker.id() + " CodeHeap 'non-nmethods'")) {
            assertTrue(pools.contains(expected), expected + " in " + pools);
        }
        assertTrue(pools.stream().noneMatch(p -> p.startsWith(fleet.ckEarly.id()) || p.contains("Metaspace")
                || p.contains("profiled")), "no values, or no max: " + pools);
        Map<String, Object> classSpace = rows.stream().filter(r -> r.get("pool").equals("Compressed Class Space")).findFirst()
                .orElseThrow();
        assertEquals(classSpace.get("samples"), classSpace.get("samples_at_90_percent"), "always at 90 % or more");
    }

    @Test
    void oomKillsByService(DataLake lake) {
        List<Map<String, Object>> rows = NamedQueryRun.run(lake, "oom_kills_by_service", SchemaTwoExpectations::oomKillsByService,
                Map.of("working_set_max_share", 4));

        String day = lake.fleet().day().toString();
        String dayBefore = lake.fleet().day().minusDays(1).toString();
        assertEquals(List.of(CHECKOUT + " " + day + " 3", SampleFleet.BILLING + " " + day + " 1", CHECKOUT + " " + dayBefore + " 1"),
                rows.stream().map(r -> r.get("service") + " " + r.get("day_utc") + " " + r.get("oom_kills")).toList(),
                "the checkout pod's kills on both days, the Docker container's; the early pod's kill never reached the table");
    }

    @Test
    void heapByPod(DataLake lake) {
        List<Map<String, Object>> rows = NamedQueryRun.run(lake, "heap_by_pod", SchemaTwoExpectations::heapByPod,
                Map.of("heap_used_avg_mib", 1, "heap_used_max_mib", 1, "heap_max_mib", 1, "heap_used_max_share", 4,
                        "working_set_max_mib", 1, "memory_limit_mib", 1, "heap_max_of_limit", 4));

        SampleFleet fleet = lake.fleet();
        assertEquals(Set.of("shop/" + fleet.ckPod.deployment().pod(), "finance/" + fleet.blPod.deployment().pod()),
                rows.stream().map(r -> r.get("namespace") + "/" + r.get("pod")).collect(Collectors.toSet()));
        rows.forEach(r -> assertEquals(0.5, (Double) r.get("heap_max_of_limit"), 1e-9, "heap max half the container's limit"));
    }
}
