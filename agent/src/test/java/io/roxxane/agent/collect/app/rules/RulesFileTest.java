package io.roxxane.agent.collect.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.app.SeriesType;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {
    @TempDir
    Path dir;

    static File resource(String name) {
        try {
            return new File(RulesFileTest.class.getResource("/jmx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String problem(String yaml) throws IOException {
        Path file = dir.resolve("rules.yml");
        Files.write(file, yaml.getBytes(StandardCharsets.UTF_8));
        RulesFileException e = assertThrows(RulesFileException.class, () -> RulesFile.load(file.toFile()));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void everySupportedKey_isRead() throws Exception {
        RulesConfig config = RulesFile.load(resource("every-key.yml"));
        assertTrue(config.lowercaseOutputName);
        assertTrue(config.lowercaseOutputLabelNames);
        assertTrue(config.autoExcludeObjectNameAttributes);
        assertEquals(0, config.startDelaySeconds);
        assertEquals(List.of(new ObjectName("roxxane.test:*")), config.includeObjectNames);
        assertEquals(List.of(new ObjectName("roxxane.test:type=Hidden,*")), config.excludeObjectNames);
        assertEquals(Set.of("Secret"), config.excludeObjectNameAttributes.get(new ObjectName("roxxane.test:type=Pool,name=orders")));
        assertEquals(6, config.rules.size());
        Rule first = config.rules.get(0);
        assertEquals(SeriesType.GAUGE, first.type);
        assertEquals(List.of("Pool", "source"), first.labelNames, "sorted by name, as jmx_exporter's TreeMap");
        assertEquals(SeriesType.COUNTER, config.rules.get(1).type);
        assertEquals(0.001, config.rules.get(2).valueFactor);
        assertEquals("1", config.rules.get(3).value);
        assertEquals(SeriesType.UNTYPED, config.rules.get(3).type);
        assertTrue(config.rules.get(4).attrNameSnakeCase);
        assertTrue(config.rules.get(4).cache);
        assertTrue(first.pattern.matcher("roxxane.test<type=Pool, name=orders><>ActiveConnections: 3").matches());
    }

    @Test
    void noRules_isJmxExportersDefaultRuleOverEveryMBean() throws Exception {
        Path file = dir.resolve("empty.yml");
        Files.write(file, new byte[0]);
        RulesConfig config = RulesFile.load(file.toFile());
        assertEquals(1, config.rules.size());
        assertNull(config.rules.get(0).pattern);
        assertNull(config.rules.get(0).name);
        assertEquals(1, config.includeObjectNames.size());
        assertNull(config.includeObjectNames.get(0), "null: every MBean");
    }

    @Test
    void badFiles_areOneLineNamingWhatIsWrong() throws Exception {
        assertEquals("no such file", assertThrows(RulesFileException.class,
                () -> RulesFile.load(dir.resolve("missing.yml").toFile())).getMessage());
        assertEquals("not a file", assertThrows(RulesFileException.class, () -> RulesFile.load(dir.toFile())).getMessage());
        String notYaml = assertThrows(RulesFileException.class, () -> RulesFile.load(resource("not-yaml.yml"))).getMessage();
        assertTrue(notYaml.startsWith("not YAML: ") && notYaml.contains(" at line "), notYaml);
        String regex = assertThrows(RulesFileException.class, () -> RulesFile.load(resource("bad-regex.yml"))).getMessage();
        assertTrue(regex.startsWith("rules[0].pattern: not a valid regular expression: Unclosed group"), regex);
        assertEquals("rules[0]: unknown key 'unit'; a rule has pattern, name, labels, type, value, valueFactor, help,"
                + " attrNameSnakeCase, cache", assertThrows(RulesFileException.class,
                        () -> RulesFile.load(resource("unknown-key.yml"))).getMessage());
        assertEquals("hostPort is not supported: it connects to another JVM; the agent reads the JVM it runs in",
                assertThrows(RulesFileException.class, () -> RulesFile.load(resource("remote.yml"))).getMessage());
    }

    @Test
    void whatJmxExporterWouldSilentlyIgnore_isRefused() throws Exception {
        assertTrue(problem("rules:\n  - pattern: 'a'\n    name: x\n    valueFactor: lots\n")
                .startsWith("rules[0].valueFactor: expected a number, found 'lots'"));
        assertTrue(problem("rules:\n  - pattern: 'a'\n    name: x\n    type: gauge\n")
                .startsWith("rules[0].type: 'gauge' is not a type; expected GAUGE, COUNTER or UNTYPED"));
        assertTrue(problem("lowercaseOutputName: true\nlowercaseOutputName: false\n").contains("duplicate key"));
        assertTrue(problem("includeObjectNames: ['a:*']\nwhitelistObjectNames: ['b:*']\n")
                .startsWith("both includeObjectNames and whitelistObjectNames are given"));
        assertTrue(problem("rules:\n  - pattern: 'a(b)'\n    name: x_$2\n").startsWith("rules[0].name: 'x_$2' cannot be expanded"));
        assertTrue(problem("rules:\n  - pattern: 'a'\n    labels:\n      k: v\n").startsWith("rules[0]: labels or help need a name"));
        assertTrue(problem("rules:\n  - name: x\n").startsWith("rules[0]: a name needs a pattern"));
        assertTrue(problem("rules:\n  - pattern: 'a'\n    name: x\n    labels:\n      port: 8080\n")
                .startsWith("rules[0].labels.port: expected text (quote it), found '8080'"));
        assertTrue(problem("includeObjectNames: ['no colon']\n")
                .startsWith("includeObjectNames[0]: 'no colon' is not an ObjectName pattern"));
        assertTrue(problem("httpServer:\n  threads: 2\n").startsWith("httpServer is not supported: the agent serves no HTTP"));
        assertTrue(problem("- just\n- a list\n").startsWith("the top level: expected a mapping of keys, found a list"));
        assertTrue(problem("lowercaseOutputName: sometimes\n").startsWith("lowercaseOutputName: expected true or false"));
        assertTrue(problem("rules: 3\n").startsWith("rules: expected a list of rules, found '3'"));
        assertTrue(problem("startDelaySeconds: soon\n").startsWith("startDelaySeconds: expected a whole number"));
        assertTrue(problem("bogus: 1\n").startsWith("unknown key 'bogus' at the top level; the agent knows rules,"));
    }

    @Test
    void namedGroupsAndEscapedDollars_expand() throws Exception {
        Path file = dir.resolve("named.yml");
        Files.write(file, "rules:\n  - pattern: 'a(?<pool>\\w+)'\n    name: x_${pool}_\\$\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, RulesFile.load(file.toFile()).rules.size());
    }
}
