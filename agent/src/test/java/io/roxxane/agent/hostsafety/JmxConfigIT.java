package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad application-MBean settings in child JVMs with the built jar: a jmx_config file that is
 * missing, not YAML, has a bad regular expression or a key the agent does not know; a bad jmx_sets
 * or cap. Each: exactly one [roxxane] line naming the file (or setting) and what is wrong, no
 * samples, the host's output and exit code unchanged.
 */
class JmxConfigIT {
    private static final int EXIT = 7;
    private static final String[] HOST_ARGS = {"wait", "exit=" + EXIT};

    @TestFactory
    List<DynamicTest> badJmxSettings_oneLineAndTheAgentStaysOff() throws Exception {
        Path scratch = Hosts.scratch("jmx-config");
        Path notYaml = Files.writeString(scratch.resolve("not-yaml.yml"), "rules:\n  - pattern: \"a\n    name: [x\n");
        Path badRegex = Files.writeString(scratch.resolve("bad-regex.yml"), "rules:\n  - pattern: 'java.lang<type=(Memory'\n    name: x\n");
        Path unknownKey = Files.writeString(scratch.resolve("unknown-key.yml"), "rules:\n  - pattern: 'a'\n    name: x\n    unit: s\n");
        String missing = scratch.resolve("missing.yml").toString();
        String[][] cases = {
            {"jmx_config=" + missing, "jmx_config", missing, "no such file"},
            {"jmx_config=" + notYaml, "jmx_config", notYaml.toString(), "not YAML", "line"},
            {"jmx_config=" + badRegex, "jmx_config", badRegex.toString(), "rules[0].pattern", "Unclosed group"},
            {"jmx_config=" + unknownKey, "jmx_config", unknownKey.toString(), "unknown key 'unit'"},
            {"jmx_sets=tomcat;websphere", "jmx_sets", "websphere"},
            {"jmx_max_values=0", "jmx_max_values", "'0'"},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdk.all()) {
            HostResult baseline = run(jdk, scratch, null);
            for (String[] c : cases) {
                HostResult result = run(jdk, scratch, c[0]);
                tests.add(DynamicTest.dynamicTest(jdk + " " + c[0], () -> {
                    List<String> lines = result.agentLines();
                    assertEquals(1, lines.size(), "exactly one [roxxane] line:\n" + result);
                    for (int i = 1; i < c.length; i++) {
                        assertTrue(lines.get(0).contains(c[i]), "the line does not name '" + c[i] + "': " + lines.get(0));
                    }
                    assertTrue(lines.get(0).endsWith("the agent stays off"), lines.get(0));
                    assertTrue(result.samples().isEmpty(), result.toString());
                    assertEquals(baseline.stdout, result.stdout, result.toString());
                    assertEquals(baseline.hostStderr(), result.hostStderr(), result.toString());
                    assertEquals(EXIT, result.exitCode, result.toString());
                }));
            }
        }
        return tests;
    }

    private static HostResult run(Jdk jdk, Path scratch, String agentArgs) throws InterruptedException {
        List<String> options = agentArgs == null ? List.of() : List.of(Hosts.javaagent("sink=log," + agentArgs));
        return Hosts.run(Hosts.command(jdk, "plain", null, "PlainHost", options, HOST_ARGS), scratch, Map.of(),
                agentArgs == null ? null : Hosts.anyAgentLine(), Duration.ofSeconds(20));
    }
}
