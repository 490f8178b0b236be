package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JVM collectors of schema 2 with the built jar in child JVMs, on JDK 17 and Temurin 25 under
 * every collector each offers, checked against what the host itself reads from its MXBeans
 * ({@code JvmMetricsHost}): the pools by name and kind, each collector by name as pause or
 * concurrent with its collections and time (three System.gc() calls between two readings of the
 * host's), used after GC, max, code cache, JIT time, thread states with threads planted in known
 * states, and the virtual-thread figures (JDK 25; null on 17).
 */
class JvmMetricsIT {
    private static final String HOST = "jvmmetrics";
    private static final String MAIN = "JvmMetricsHost";
    private static final String AGENT_ARGS = "sink=log,interval=1s,shutdown_timeout=1s";
    private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int GCS = 3;
    private static final long MIB = 1024 * 1024;

    private static final Set<String> G1_POOLS = Set.of("G1 Eden Space", "G1 Survivor Space", "G1 Old Gen");
    private static final Set<String> G1_PAUSES = Set.of("G1 Young Generation", "G1 Old Generation");
    private static final Set<String> PARALLEL_POOLS = Set.of("PS Eden Space", "PS Survivor Space", "PS Old Gen");
    private static final Set<String> PARALLEL_PAUSES = Set.of("PS Scavenge", "PS MarkSweep");
    private static final Set<String> SERIAL_POOLS = Set.of("Eden Space", "Survivor Space", "Tenured Gen");
    private static final Set<String> SERIAL_PAUSES = Set.of("Copy", "MarkSweepCompact");
    private static final Set<String> GENERATIONAL_ZGC_POOLS = Set.of("ZGC Young Generation", "ZGC Old Generation");
    private static final Set<String> GENERATIONAL_ZGC_PAUSES = Set.of("ZGC Minor Pauses", "ZGC Major Pauses");
    private static final Set<String> GENERATIONAL_ZGC_CYCLES = Set.of("ZGC Minor Cycles", "ZGC Major Cycles");
    private static final Set<String> SHENANDOAH_PAUSES = Set.of("Shenandoah Pauses");
    private static final Set<String> SHENANDOAH_CYCLES = Set.of("Shenandoah Cycles");

    /** One GC configuration of one JDK and what its MXBeans are called. */
    static final class GcCase {
        final Jdk jdk;
        final String name;
        final List<String> options;
        final Set<String> heapPools;
        final Set<String> pauses;
        final Set<String> concurrent;
        /** A line the JVM prints on stderr for these options, or null. */
        final String jvmWarning;

        GcCase(Jdk jdk, String name, List<String> options, Set<String> heapPools, Set<String> pauses,
                Set<String> concurrent, String jvmWarning) {
            this.jdk = jdk;
            this.name = name;
            this.options = options;
            this.heapPools = heapPools;
            this.pauses = pauses;
            this.concurrent = concurrent;
            this.jvmWarning = jvmWarning;
        }

        @Override
        public String toString() {
            return jdk + " " + name;
        }
    }

    static Stream<Arguments> gcCases() {
        List<GcCase> cases = new ArrayList<>();
        for (Jdk jdk : Jdk.all()) {
            boolean jdk17 = jdk.toString().equals("jdk17");
            // G1: "G1 Concurrent GC" (the Remark and Cleanup pauses of concurrent cycles) from JDK 20
            Set<String> g1Concurrent = jdk17 ? Set.of() : Set.of("G1 Concurrent GC");
            cases.add(new GcCase(jdk, "G1", List.of("-XX:+UseG1GC"), G1_POOLS, G1_PAUSES, g1Concurrent, null));
            cases.add(new GcCase(jdk, "G1, System.gc() as a concurrent cycle",
                    List.of("-XX:+UseG1GC", "-XX:+ExplicitGCInvokesConcurrent"), G1_POOLS, G1_PAUSES, g1Concurrent,
                    null));
            cases.add(new GcCase(jdk, "Parallel", List.of("-XX:+UseParallelGC"), PARALLEL_POOLS, PARALLEL_PAUSES,
                    Set.of(), null));
            cases.add(new GcCase(jdk, "Serial", List.of("-XX:+UseSerialGC"), SERIAL_POOLS, SERIAL_PAUSES, Set.of(),
                    null));
            if (jdk17) {
                // JDK 17's ZGC has one generation (generational ZGC came in 21, -XX:+ZGenerational)
                cases.add(new GcCase(jdk, "ZGC, single-generation", List.of("-XX:+UseZGC"), Set.of("ZHeap"),
                        Set.of("ZGC Pauses"), Set.of("ZGC Cycles"), null));
            } else {
                // JDK 24 removed single-generation ZGC: -XX:+UseZGC is generational, -ZGenerational is ignored
                cases.add(new GcCase(jdk, "ZGC, generational", List.of("-XX:+UseZGC"), GENERATIONAL_ZGC_POOLS,
                        GENERATIONAL_ZGC_PAUSES, GENERATIONAL_ZGC_CYCLES, null));
                cases.add(new GcCase(jdk, "ZGC with -XX:-ZGenerational, which 25 ignores: still generational",
                        List.of("-XX:+UseZGC", "-XX:-ZGenerational"), GENERATIONAL_ZGC_POOLS, GENERATIONAL_ZGC_PAUSES,
                        GENERATIONAL_ZGC_CYCLES, "Ignoring option ZGenerational; support was removed in 24.0"));
            }
            cases.add(new GcCase(jdk, "Shenandoah", List.of("-XX:+UseShenandoahGC"), Set.of("Shenandoah"),
                    SHENANDOAH_PAUSES, SHENANDOAH_CYCLES, null));
            if (!jdk17) {
                // generational Shenandoah is a product mode from JDK 25 (JEP 521); 17 does not know the mode
                cases.add(new GcCase(jdk, "Shenandoah, generational mode",
                        List.of("-XX:+UseShenandoahGC", "-XX:ShenandoahGCMode=generational"),
                        Set.of("Shenandoah Young Gen", "Shenandoah Old Gen"), SHENANDOAH_PAUSES, SHENANDOAH_CYCLES,
                        null));
            }
        }
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gcCases")
    void jvmColumns_underEachCollector_agreeWithTheHostsOwnMXBeans(GcCase gc) throws Exception {
        boolean virtual = gc.jdk.toString().equals("jdk25") && gc.name.equals("G1");
        List<String> args = new ArrayList<>(List.of("plant", "gcs=" + GCS));
        if (virtual) {
            args.add("virtual");
        }
        HostResult result = run(gc, args);
        List<Map<String, Object>> samples = SampleJson.fromLog(result);
        Records host = new Records(result);
        assertTrue(samples.size() >= 4, "a sample before release and at least two after the collections:\n" + result);
        if (gc.jvmWarning != null) {
            assertTrue(result.hostStderr().stream().anyMatch(l -> l.contains(gc.jvmWarning)), result.toString());
        }
        for (Map<String, Object> sample : samples) {
            assertEquals(0L, sample.get("agent_disabled_collectors"), "no collector switched off:\n" + result);
        }
        String report = gc + ": " + checkPools(gc, samples, host) + "; " + checkCollectors(gc, samples, host) + "; "
                + checkJitAndThreads(samples, host) + "; " + checkVirtualThreads(gc, virtual, samples, host);
        System.out.println(report);
    }

    /** The host starts the scheduler only after the agent's first samples: it must still read the property. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jdk25")
    void virtualThreadScheduler_configuredByTheHostAfterTheAgentStarted_takesTheHostsSetting(Jdk jdk)
            throws Exception {
        GcCase g1 = new GcCase(jdk, "G1", List.of("-XX:+UseG1GC"), G1_POOLS, G1_PAUSES, Set.of(), null);
        HostResult early = run(g1, List.of("virtual", "vt-early"));
        assertTrue(new Records(early).value("after", "vt-parallelism", "-", 0) != 3,
                "control: reading the bean first freezes the default parallelism:\n" + early);
        HostResult withAgent = run(g1, List.of("virtual"));
        assertEquals(3, new Records(withAgent).value("after", "vt-parallelism", "-", 0),
                "the agent started the virtual-thread scheduler before the host set its parallelism:\n" + withAgent);
    }

    static Stream<Jdk> jdk25() {
        return Jdk.all().stream().filter(j -> j.toString().equals("jdk25"));
    }

    private static HostResult run(GcCase gc, List<String> hostArgs) throws InterruptedException {
        Path dir = Hosts.scratch("jvm-metrics-" + gc.jdk);
        List<String> options = new ArrayList<>(gc.options);
        options.add(Hosts.javaagent(AGENT_ARGS));
        HostResult result = Hosts.run(Hosts.command(gc.jdk, HOST, null, MAIN, options, hostArgs.toArray(new String[0])),
                dir, Map.of(), Hosts.firstSample(), SAMPLE_TIMEOUT);
        assertNotNull(result.releasedBy, "no sample from the agent:\n" + result);
        assertEquals(0, result.exitCode, result.toString());
        return result;
    }

    private static String checkPools(GcCase gc, List<Map<String, Object>> samples, Records host) {
        Map<String, long[]> heapAfter = host.all("after", "heap-pool");
        Map<String, long[]> nonHeapAfter = host.all("after", "nonheap-pool");
        Map<String, long[]> exit = new LinkedHashMap<>(host.all("exit", "heap-pool"));
        exit.putAll(host.all("exit", "nonheap-pool"));
        assertEquals(gc.heapPools, heapAfter.keySet(), gc + ": the host's heap pools are the ones expected");
        Set<String> allPools = new TreeSet<>(heapAfter.keySet());
        allPools.addAll(nonHeapAfter.keySet());
        for (Map<String, Object> sample : samples) {
            Map<String, Map<String, Object>> pools = structs(sample, "jvm_memory_pools");
            assertEquals(allPools, new TreeSet<>(pools.keySet()), gc + ": every pool by its own name");
            pools.forEach((name, pool) -> assertEquals(heapAfter.containsKey(name), pool.get("heap"), name));
        }
        long afterTime = host.value("after", "time", "-", 0);
        long exitTime = host.value("exit", "time", "-", 0);
        List<Map<String, Object>> between = samples.stream()
                .filter(s -> (Long) s.get("ts") >= afterTime && (Long) s.get("ts") <= exitTime)
                .collect(Collectors.toList());
        assertFalse(between.isEmpty(), gc + ": a sample between the host's readings after the collections and at exit");
        for (Map<String, Object> sample : between) {
            Map<String, Map<String, Object>> pools = structs(sample, "jvm_memory_pools");
            long codeLow = 0;
            long codeHigh = 0;
            for (String name : allPools) {
                Map<String, Object> pool = pools.get(name);
                boolean heap = heapAfter.containsKey(name);
                long[] after = heap ? heapAfter.get(name) : nonHeapAfter.get(name);
                long[] atExit = exit.get(name);
                assertEquals(after[2] < 0 ? null : after[2], pool.get("max_bytes"), name + " max");
                if (heap) {
                    // no collection since the host's reading: the JVM's figure, exactly
                    boolean collected = after[3] > 0 || after[4] > 0;
                    assertEquals(collected ? after[3] : null, pool.get("used_after_gc_bytes"),
                            gc + ": " + name + " used after the last collection");
                    assertTrue((Long) pool.get("used_bytes") <= (Long) pool.get("committed_bytes") + MIB, name);
                } else {
                    assertNull(pool.get("used_after_gc_bytes"), name);
                    // code heaps and metaspace only grow here: between the two readings
                    assertBetween(Math.min(after[0], atExit[0]) - MIB, Math.max(after[0], atExit[0]) + MIB,
                            (Long) pool.get("used_bytes"), gc + ": " + name + " used");
                    assertBetween(Math.min(after[1], atExit[1]) - MIB, Math.max(after[1], atExit[1]) + MIB,
                            (Long) pool.get("committed_bytes"), gc + ": " + name + " committed");
                    if (name.startsWith("CodeHeap '") || name.equals("Code Cache")) {
                        codeLow += Math.min(after[0], atExit[0]);
                        codeHigh += Math.max(after[0], atExit[0]);
                    }
                }
            }
            assertTrue(codeHigh > 0, "code heaps: " + allPools);
            assertBetween(codeLow - MIB, codeHigh + MIB, (Long) sample.get("jvm_code_cache_used_bytes"),
                    gc + ": code cache");
        }
        Map<String, Object> last = new TreeMap<>();
        structs(between.get(between.size() - 1), "jvm_memory_pools").forEach((name, pool) -> {
            if (heapAfter.containsKey(name)) {
                last.put(name, pool.get("used_after_gc_bytes"));
            }
        });
        return "heap pools " + heapAfter.keySet() + ", used after GC " + last;
    }

    private static String checkCollectors(GcCase gc, List<Map<String, Object>> samples, Records host) {
        Map<String, long[]> before = host.all("before", "gc");
        Map<String, long[]> after = host.all("after", "gc");
        Map<String, long[]> exit = host.all("exit", "gc");
        Set<String> expected = new TreeSet<>(gc.pauses);
        expected.addAll(gc.concurrent);
        assertEquals(expected, new TreeSet<>(after.keySet()), gc + ": the host's collectors are the ones expected");
        for (String name : after.keySet()) {
            assertEquals(List.of(after.get(name)[0], after.get(name)[1]), List.of(exit.get(name)[0], exit.get(name)[1]),
                    gc + ": " + name + " collected on its own after the host's collections: the sums below would differ");
        }
        assertFalse(samples.get(0).containsKey("jvm_gc_pauses"), "the first sample has no interval");
        Map<String, long[]> sums = new TreeMap<>();
        for (Map<String, Object> sample : samples.subList(1, samples.size())) {
            Map<String, Map<String, Object>> pauses = structs(sample, "jvm_gc_pauses");
            assertEquals(gc.pauses, pauses.keySet(), gc + ": pause collectors");
            if (gc.concurrent.isEmpty()) {
                assertFalse(sample.containsKey("jvm_gc_concurrent"), gc + ": no concurrent collector, null");
            }
            Map<String, Map<String, Object>> concurrent = gc.concurrent.isEmpty() ? Map.of()
                    : structs(sample, "jvm_gc_concurrent");
            assertEquals(gc.concurrent, concurrent.keySet(), gc + ": concurrent collectors");
            Map<String, Map<String, Object>> all = new LinkedHashMap<>(pauses);
            all.putAll(concurrent);
            all.forEach((name, figures) -> {
                long[] sum = sums.computeIfAbsent(name, n -> new long[2]);
                sum[0] += (Long) figures.get("count");
                sum[1] += (Long) figures.get("time_ms");
            });
            for (String column : List.of("jvm_gc_young_count", "jvm_gc_old_count", "jvm_gc_young_time_ms",
                    "jvm_gc_old_time_ms", "jvm_heap_used_bytes", "jvm_threads_live")) {
                assertTrue(sample.containsKey(column), "schema-1 column " + column + " still filled");
            }
        }
        long collections = 0;
        StringBuilder report = new StringBuilder("collections in the interval of " + GCS + " System.gc():");
        for (String name : expected) {
            long count = after.get(name)[0] - before.get(name)[0];
            long time = after.get(name)[1] - before.get(name)[1];
            assertEquals(List.of(count, time), List.of(sums.get(name)[0], sums.get(name)[1]),
                    gc + ": " + name + " [count, time_ms] summed over the samples, against the host's own readings");
            collections += count;
            report.append(' ').append(gc.concurrent.contains(name) ? "concurrent " : "pause ").append(name).append('=')
                    .append(count).append('/').append(time).append("ms");
        }
        assertTrue(collections >= GCS, gc + ": System.gc() collected");
        return report.toString();
    }

    private static String checkJitAndThreads(List<Map<String, Object>> samples, Records host) {
        long jit = 0;
        for (Map<String, Object> sample : samples.subList(1, samples.size())) {
            jit += (Long) sample.get("jvm_jit_time_ms");
        }
        long hostJit = host.value("exit", "jit", "-", 0) - host.value("start", "jit", "-", 0);
        assertBetween(0, hostJit, jit, "JIT time summed over the samples, within the host's start and exit readings");

        long afterTime = host.value("after", "time", "-", 0);
        long[] states = host.all("after", "states").get("-");
        String[] columns = {"jvm_threads_runnable", "jvm_threads_blocked", "jvm_threads_waiting",
            "jvm_threads_timed_waiting"};
        long[] planted = {2, 5, 7, 9};
        List<Long> seen = null;
        for (Map<String, Object> sample : samples) {
            if ((Long) sample.get("ts") < afterTime) {
                continue;
            }
            seen = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                long value = (Long) sample.get(columns[i]);
                seen.add(value);
                assertTrue(value >= planted[i], columns[i] + " counts the " + planted[i] + " planted: " + value);
                // the agent's own threads are running or asleep as it counts; the rest stand still
                assertBetween(states[i] - 2, states[i] + 2, value, columns[i] + " against the host's ThreadMXBean");
            }
            assertEquals(states[1], seen.get(1), "BLOCKED: exactly the host's");
        }
        assertNotNull(seen, "a sample after the host's thread reading");
        return "JIT " + jit + " ms of the host's " + hostJit + "; threads runnable/blocked/waiting/timed " + seen
                + " (host's ThreadMXBean " + List.of(states[0], states[1], states[2], states[3]) + ")";
    }

    private static String checkVirtualThreads(GcCase gc, boolean virtual, List<Map<String, Object>> samples,
            Records host) {
        String[] columns = {"jvm_virtual_threads_mounted", "jvm_virtual_threads_queued", "jvm_virtual_threads_carriers"};
        if (gc.jdk.toString().equals("jdk17")) {
            for (Map<String, Object> sample : samples) {
                for (String column : columns) {
                    assertFalse(sample.containsKey(column), column + " is null where the JDK does not say");
                }
            }
            return "virtual threads null";
        }
        if (!virtual) {
            for (Map<String, Object> sample : samples) {
                for (String column : columns) {
                    assertEquals(0L, sample.get(column), column + ": no virtual thread started, no scheduler");
                }
            }
            return "virtual threads 0/0/0 (no scheduler started)";
        }
        assertEquals(3, host.value("after", "vt-parallelism", "-", 0),
                "the host's parallelism setting, read when its first virtual thread started");
        long carriers = host.value("after", "carriers", "-", 0);
        long afterTime = host.value("after", "time", "-", 0);
        List<Long> last = null;
        for (Map<String, Object> sample : samples) {
            if ((Long) sample.get("ts") < afterTime) {
                continue;
            }
            long mounted = (Long) sample.get(columns[0]);
            long queued = (Long) sample.get(columns[1]);
            long pool = (Long) sample.get(columns[2]);
            assertBetween(carriers - 1, carriers + 1, pool, "carriers against the host's CarrierThread count");
            assertBetween(1, pool, mounted, "the spinning virtual thread is mounted");
            assertTrue(queued >= 0, "queued");
            last = List.of(mounted, queued, pool);
        }
        assertNotNull(last, "a sample after the virtual threads started");
        return "virtual threads mounted/queued/carriers " + last + " (host's carriers " + carriers + ")";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> structs(Map<String, Object> sample, String column) {
        Object value = sample.get(column);
        assertNotNull(value, column + " in " + sample);
        return (Map<String, Map<String, Object>>) value;
    }

    static void assertBetween(long low, long high, long actual, String what) {
        assertTrue(actual >= low && actual <= high, what + ": " + actual + " not in [" + low + ", " + high + "]");
    }

    /** The host's {@code rec PHASE KIND NAME VALUES…} lines. */
    static final class Records {
        private final Map<String, Map<String, long[]>> byPhaseAndKind = new LinkedHashMap<>();
        private final String description;

        Records(HostResult result) {
            description = result.toString();
            for (String line : result.stdout) {
                if (!line.startsWith("rec\t")) {
                    continue;
                }
                String[] fields = line.split("\t");
                long[] values = new long[fields.length - 4];
                for (int i = 4; i < fields.length; i++) {
                    values[i - 4] = Long.parseLong(fields[i]);
                }
                byPhaseAndKind.computeIfAbsent(fields[1] + "/" + fields[2], k -> new LinkedHashMap<>())
                        .put(fields[3], values);
            }
        }

        Map<String, long[]> all(String phase, String kind) {
            Map<String, long[]> records = byPhaseAndKind.get(phase + "/" + kind);
            assertNotNull(records, "the host printed no " + phase + " " + kind + ":\n" + description);
            return records;
        }

        long value(String phase, String kind, String name, int index) {
            long[] values = all(phase, kind).get(name);
            assertNotNull(values, "the host printed no " + phase + " " + kind + " " + name + ":\n" + description);
            return values[index];
        }
    }
}
