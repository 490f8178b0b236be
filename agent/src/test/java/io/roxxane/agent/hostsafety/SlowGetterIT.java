package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A host whose MBean getter blocks for a minute and another that throws, read by a jmx_config rule,
 * in a child JVM with the built jar: every sample is taken on time with all the other figures, the
 * blocking getter is called once, the good MBean goes on being read, what could not be read is
 * counted in agent_jmx_skipped, each problem is one [roxxane] line, and the JVM exits on time with
 * the getter still blocked.
 */
class SlowGetterIT {
    static Stream<Jdk> jdks() {
        return Jdk.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void blockingAndThrowingGetters_neverDelayOrSkipASample(Jdk jdk) throws Exception {
        Path dir = Hosts.scratch("slow-getter");
        Path rules = Files.writeString(dir.resolveSibling(dir.getFileName() + "-rules.yml"),
                "includeObjectNames: ['slow:*']\nrules:\n  - pattern: 'slow<name=(\\w+)><>Value'\n    name: slow_$1\n"
                        + "    type: GAUGE\n");
        int seconds = 8;
        List<String> command = AppHosts.command(jdk, "slow", null, "SlowHost",
                "sink=file,dir=" + dir + ",interval=1s,roll_time=1s,service=slow-host,jmx_config=" + rules, "" + seconds);
        Child child = Child.start(command, dir.getParent(), Map.of());
        int exit;
        try {
            exit = child.waitFor(Duration.ofSeconds(seconds + 30));
        } finally {
            child.destroy();
        }
        String out = child.describe();
        assertEquals(0, exit, out);
        assertTrue(child.stdout().contains("host: calls stuck=1 fine=" + fineCalls(child) + " throws=" + throwsCalls(child)), out);
        assertEquals(1, count(child, "stuck"), "the blocking getter is called once: " + out);

        List<Map<String, Object>> samples = AppSamples.read(dir);
        assertTrue(samples.size() >= seconds - 3, samples.size() + " samples in " + seconds + " s\n" + out);
        for (int i = 0; i < samples.size(); i++) {
            Map<String, Object> sample = samples.get(i);
            assertEquals((long) i, sample.get("seq"), "no sample skipped\n" + out);
            assertNotNull(sample.get("jvm_heap_used_bytes"), "the other figures are there");
            assertNotNull(sample.get("host_cpu_count"), "the other figures are there");
            if (i > 0) {
                long gap = (Long) sample.get("ts") - (Long) samples.get(i - 1).get("ts");
                assertTrue(gap < 1_500, "sample " + i + " came " + gap + " ms after the one before\n" + out);
            }
            assertTrue((Long) sample.get("agent_jmx_skipped") >= 2, "the stuck and the throwing getter: " + sample);
        }
        long withFine = samples.stream().filter(s -> Double.valueOf(7).equals(AppSamples.value(s, "slow_b_fine", Map.of())))
                .count();
        assertTrue(withFine >= samples.size() - 2, "b_fine is read in every sample after the first two: " + withFine
                + " of " + samples.size() + "\n" + out);
        assertTrue(samples.stream().noneMatch(s -> AppSamples.value(s, "slow_a_stuck", Map.of()) != null), out);

        List<String> agentLines = child.stderr().stream().filter(l -> l.startsWith("[roxxane]")).collect(Collectors.toList());
        assertEquals(1, agentLines.stream().filter(l -> l.contains("slow:name=a_stuck: a call has not returned")).count(), out);
        assertEquals(1, agentLines.stream().filter(l -> l.contains("slow:name=c_throws attribute Value was not returned")).count(), out);
        assertFalse(child.stderr().stream().anyMatch(l -> l.startsWith("\tat ") || l.contains("Exception in thread")),
                "no stack trace into the host: " + out);
    }

    private static int fineCalls(Child child) {
        return count(child, "fine");
    }

    private static int throwsCalls(Child child) {
        return count(child, "throws");
    }

    private static int count(Child child, String kind) {
        for (String line : child.stdout()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(kind + "=(\\d+)").matcher(line);
            if (line.startsWith("host: calls") && m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }
}
