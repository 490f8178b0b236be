package io.roxxane.agent;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.collect.CollectorSet;
import io.roxxane.agent.collect.jvm.VirtualThreadCollector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.identity.context.FleetContext;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import io.roxxane.schema.MetricKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultCollectorsTest {
    /** Not filled by collectors: identity is the sampler's, arrival_ts the transform's, agent_* the agent's. */
    private static final Set<Column> NOT_FROM_COLLECTORS = EnumSet.of(Column.TS, Column.SERVICE, Column.HOST,
            Column.PID, Column.INSTANCE_ID, Column.SEQ, Column.INTERVAL_MS, Column.JVM_VERSION, Column.AGENT_VERSION,
            Column.SCHEMA_VERSION, Column.TAGS, Column.ARRIVAL_TS, Column.AGENT_COLLECT_US,
            Column.AGENT_DROPPED_SAMPLES, Column.AGENT_SENT_RECORDS, Column.AGENT_SENT_BYTES, Column.AGENT_RETRIES,
            Column.AGENT_FAILURES, Column.AGENT_DISABLED_COLLECTORS, Column.AGENT_SAMPLES_COLLECTED,
            Column.AGENT_LAST_SUCCESS_TS, Column.AGENT_LAST_ERROR, Column.AGENT_LAST_ERROR_TS);

    static {
        NOT_FROM_COLLECTORS.addAll(FleetContext.COLUMNS); // identity too: Identity writes what detection found
        // the agent's own figures, written by AgentRuntime: the spool's only with spool=
        NOT_FROM_COLLECTORS.addAll(EnumSet.of(Column.AGENT_DISTRESS, Column.AGENT_SPOOL_FAILED_WRITES,
                Column.AGENT_SPOOL_DAMAGED, Column.AGENT_SPOOL_RECOVERED));
    }

    /** Only where the JVM has MBeans of a built-in set or jmx_config: create(AgentConfig), AppMBeansIT. */
    private static final Set<Column> APPLICATION =
            EnumSet.of(Column.APP_METRICS, Column.AGENT_JMX_SKIPPED);

    /**
     * Only present where this machine has them: limits inside a cgroup with limits (this test
     * machine's cgroups have none), processes where the pids controller is not at the root cgroup.
     */
    private static final Set<Column> CONTAINER_LIMITS = EnumSet.of(Column.CONTAINER_CPU_LIMIT,
            Column.CONTAINER_MEMORY_LIMIT_BYTES, Column.CONTAINER_PIDS_MAX, Column.CONTAINER_PIDS_CURRENT);
    /** Pressure stall information, where the kernel has /proc/pressure. */
    private static final Set<Column> PRESSURE = EnumSet.range(Column.HOST_PRESSURE_CPU_SOME_AVG10,
            Column.HOST_PRESSURE_IO_FULL_STALL_US);

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /**
     * Columns this JVM cannot give: the virtual-thread figures before JDK 24, the concurrent
     * collectors where the GC has none (G1 before JDK 20).
     */
    private static boolean notCollectedHere(Column column) {
        if (column.columnName().startsWith("jvm_virtual_threads_")) {
            return !VirtualThreadCollector.supported();
        }
        if (column == Column.JVM_GC_CONCURRENT) {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .noneMatch(gc -> gc.getName().contains("Concurrent") || gc.getName().endsWith("Cycles"));
        }
        return false;
    }

    @BeforeEach
    void captureLog() {
        AgentLog.redirectForTests(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        AgentLog.redirectForTests(null);
    }

    @Test
    void create_onThisLinuxMachine_disablesNothingAndFillsEveryCollectableColumn() throws InterruptedException {
        CollectorSet set = DefaultCollectors.create();
        assertEquals(0, set.disabledCount(), log.toString(StandardCharsets.UTF_8));
        int jvm = 12 + (VirtualThreadCollector.supported() ? 1 : 0);
        assertEquals(jvm + DefaultCollectors.HOST_COLLECTORS, set.collectors().size(),
                jvm + " JVM collectors and the host ones");
        long host = set.collectors().stream()
                .filter(c -> !c.name().startsWith("jvm-") && !c.name().equals("process")).count();
        assertEquals(DefaultCollectors.HOST_COLLECTORS, host, "off Linux, every host collector counts as unavailable");

        Sample first = new Sample();
        set.collectInto(first);
        List<String> deltasOnFirst = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.kind() == MetricKind.DELTA && first.has(column)) {
                deltasOnFirst.add(column.columnName());
            }
        }
        assertEquals(List.of(), deltasOnFirst, "the first sample has no interval, so no deltas");

        Thread.sleep(50); // an interval of a few kernel ticks (the agent's shortest is 1 s)
        Sample second = new Sample();
        set.collectInto(second);
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (Column column : Column.values()) {
            boolean expected = !NOT_FROM_COLLECTORS.contains(column) && !CONTAINER_LIMITS.contains(column)
                    && !APPLICATION.contains(column) && !notCollectedHere(column)
                    && (!PRESSURE.contains(column) || new java.io.File("/proc/pressure/cpu").canRead());
            if (expected && !second.has(column)) {
                missing.add(column.columnName());
            }
            if (NOT_FROM_COLLECTORS.contains(column) && second.has(column)) {
                unexpected.add(column.columnName());
            }
        }
        assertEquals(List.of(), missing, "columns the collectors should fill here");
        assertEquals(List.of(), unexpected, "columns collectors must leave to others");
        for (Column column : CONTAINER_LIMITS) {
            assertTrue(!second.has(column) || ((Number) second.get(column)).doubleValue() > 0, column.columnName());
        }
        assertEquals(0, set.disabledCount(), log.toString(StandardCharsets.UTF_8));
        assertEquals("", log.toString(StandardCharsets.UTF_8));
    }
}
