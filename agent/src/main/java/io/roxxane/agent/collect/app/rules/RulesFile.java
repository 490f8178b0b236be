package io.roxxane.agent.collect.app.rules;

import io.roxxane.agent.collect.app.SeriesType;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a jmx_exporter rules file as jmx_exporter 1.0.1 reads it (SnakeYAML, YAML 1.1: {@code yes}
 * and {@code on} are true), with the keys it understands for a Java agent, and refuses everything
 * else with a message that names it: a missing or unreadable file, text that is not YAML, a key
 * the agent does not know or does not support, a value of the wrong kind, a regular expression or
 * ObjectName that does not compile, a template that refers to a group the pattern lacks. Where
 * jmx_exporter silently falls back (a valueFactor that is not a number, a type it does not know,
 * a key given twice) this is an error too.
 */
public final class RulesFile {
    /** Larger files are refused: a rules file is a few KiB. */
    static final long MAX_BYTES = 1 << 20;

    static final List<String> TOP_KEYS = Arrays.asList("rules", "lowercaseOutputName", "lowercaseOutputLabelNames",
            "includeObjectNames", "whitelistObjectNames", "excludeObjectNames", "blacklistObjectNames",
            "excludeObjectNameAttributes", "autoExcludeObjectNameAttributes", "startDelaySeconds", "excludeJvmMetrics");
    static final List<String> RULE_KEYS = Arrays.asList("pattern", "name", "labels", "type", "value", "valueFactor",
            "help", "attrNameSnakeCase", "cache");
    private static final Map<String, String> REFUSED = new HashMap<String, String>();

    static {
        String remote = "it connects to another JVM; the agent reads the JVM it runs in";
        for (String key : new String[] {"jmxUrl", "hostPort", "username", "password", "ssl"}) {
            REFUSED.put(key, remote);
        }
        REFUSED.put("httpServer", "the agent serves no HTTP endpoint: its samples go to its sink");
        REFUSED.put("openTelemetry", "the agent exports no OTLP: its samples go to its sink");
        REFUSED.put("metricCustomizers", "not supported (a jmx_exporter 1.1 feature)");
        REFUSED.put("inferCounterTypeFromName", "not supported (a later jmx_exporter feature): give each rule its type");
    }

    private RulesFile() {
    }

    /** Reads and checks {@code file}; every problem is a {@link RulesFileException} of one line. */
    public static RulesConfig load(File file) throws RulesFileException {
        if (!file.exists()) {
            throw new RulesFileException("no such file");
        }
        if (!file.isFile()) {
            throw new RulesFileException("not a file");
        }
        if (file.length() > MAX_BYTES) {
            throw new RulesFileException("larger than " + (MAX_BYTES >> 10) + " KiB; a rules file is a few KiB");
        }
        Object root;
        try (InputStream in = new FileInputStream(file);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            root = yaml().load(reader);
        } catch (MarkedYAMLException e) {
            throw new RulesFileException("not YAML: " + oneLine(e.getProblem()) + at(e.getProblemMark()));
        } catch (YAMLException e) {
            throw new RulesFileException("not YAML: " + oneLine(e.getMessage()));
        } catch (IOException e) {
            throw new RulesFileException("cannot read it: " + oneLine(String.valueOf(e.getMessage())));
        }
        return parse(root);
    }

    /** Checks an already parsed YAML document (a map, or null for an empty file). */
    static RulesConfig parse(Object root) throws RulesFileException {
        Map<String, Object> top = root == null ? new HashMap<String, Object>() : mapping(root, "the top level");
        for (String key : top.keySet()) {
            if (REFUSED.containsKey(key)) {
                throw new RulesFileException(key + " is not supported: " + REFUSED.get(key));
            }
            if (!TOP_KEYS.contains(key)) {
                throw new RulesFileException("unknown key '" + printable(key) + "' at the top level; the agent knows "
                        + join(TOP_KEYS));
            }
        }
        either(top, "includeObjectNames", "whitelistObjectNames");
        either(top, "excludeObjectNames", "blacklistObjectNames");
        boolean lowercaseName = bool(top, "lowercaseOutputName", false);
        boolean lowercaseLabels = bool(top, "lowercaseOutputLabelNames", false);
        bool(top, "excludeJvmMetrics", false); // the agent adds no jvm_* series of jmx_exporter's either way
        List<ObjectName> include = new ArrayList<ObjectName>();
        String includeKey = top.containsKey("whitelistObjectNames") ? "whitelistObjectNames" : "includeObjectNames";
        if (top.containsKey(includeKey)) {
            include.addAll(objectNames(top, includeKey));
        } else {
            include.add(null);
        }
        String excludeKey = top.containsKey("blacklistObjectNames") ? "blacklistObjectNames" : "excludeObjectNames";
        List<ObjectName> exclude = top.containsKey(excludeKey) ? objectNames(top, excludeKey) : new ArrayList<ObjectName>();
        Map<ObjectName, Set<String>> excludedAttributes = excludedAttributes(top);
        boolean autoExclude = bool(top, "autoExcludeObjectNameAttributes", true);
        int startDelay = 0;
        if (top.containsKey("startDelaySeconds")) {
            Object delay = top.get("startDelaySeconds");
            if (!(delay instanceof Integer) || (Integer) delay < 0) {
                throw new RulesFileException("startDelaySeconds: expected a whole number of seconds, found "
                        + describe(delay));
            }
            startDelay = (Integer) delay;
        }
        List<Rule> rules = new ArrayList<Rule>();
        if (top.containsKey("rules")) {
            Object list = top.get("rules");
            if (!(list instanceof List)) {
                throw new RulesFileException("rules: expected a list of rules, found " + describe(list));
            }
            List<?> items = (List<?>) list;
            for (int i = 0; i < items.size(); i++) {
                rules.add(RuleReader.rule(i, mapping(items.get(i), "rules[" + i + "]")));
            }
        } else {
            rules.add(Rule.matchingEverything());
        }
        return new RulesConfig(lowercaseName, lowercaseLabels, include, exclude, excludedAttributes, autoExclude,
                startDelay, rules);
    }

    private static Map<ObjectName, Set<String>> excludedAttributes(Map<String, Object> top) throws RulesFileException {
        Map<ObjectName, Set<String>> result = new HashMap<ObjectName, Set<String>>();
        if (!top.containsKey("excludeObjectNameAttributes")) {
            return result;
        }
        Map<String, Object> map = mapping(top.get("excludeObjectNameAttributes"), "excludeObjectNameAttributes");
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String where = "excludeObjectNameAttributes." + entry.getKey();
            ObjectName name = objectName(entry.getKey(), where);
            if (!(entry.getValue() instanceof List)) {
                throw new RulesFileException(where + ": expected a list of attribute names, found " + describe(entry.getValue()));
            }
            Set<String> attributes = new LinkedHashSet<String>();
            for (Object attribute : (List<?>) entry.getValue()) {
                if (!(attribute instanceof String)) {
                    throw new RulesFileException(where + ": expected attribute names, found " + describe(attribute));
                }
                attributes.add((String) attribute);
            }
            result.put(name, attributes);
        }
        return result;
    }

    private static List<ObjectName> objectNames(Map<String, Object> top, String key) throws RulesFileException {
        Object value = top.get(key);
        if (!(value instanceof List)) {
            throw new RulesFileException(key + ": expected a list of ObjectName patterns, found " + describe(value));
        }
        List<ObjectName> names = new ArrayList<ObjectName>();
        List<?> items = (List<?>) value;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String)) {
                throw new RulesFileException(key + "[" + i + "]: expected an ObjectName pattern, found "
                        + describe(items.get(i)));
            }
            names.add(objectName((String) items.get(i), key + "[" + i + "]"));
        }
        return names;
    }

    private static ObjectName objectName(String text, String where) throws RulesFileException {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new RulesFileException(where + ": '" + printable(text) + "' is not an ObjectName pattern: "
                    + oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static void either(Map<String, Object> top, String key, String oldKey) throws RulesFileException {
        if (top.containsKey(key) && top.containsKey(oldKey)) {
            throw new RulesFileException("both " + key + " and " + oldKey + " are given (jmx_exporter would ignore "
                    + oldKey + "); give one");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object value, String where) throws RulesFileException {
        if (!(value instanceof Map)) {
            throw new RulesFileException(where + ": expected a mapping of keys, found " + describe(value));
        }
        for (Object key : ((Map<?, ?>) value).keySet()) {
            if (!(key instanceof String)) {
                throw new RulesFileException(where + ": the key " + describe(key) + " is not text");
            }
        }
        return (Map<String, Object>) value;
    }

    static boolean bool(Map<String, Object> map, String key, boolean fallback) throws RulesFileException {
        return bool(map, key, fallback, null);
    }

    static boolean bool(Map<String, Object> map, String key, boolean fallback, String where)
            throws RulesFileException {
        if (!map.containsKey(key)) {
            return fallback;
        }
        Object value = map.get(key);
        if (!(value instanceof Boolean)) {
            throw new RulesFileException((where == null ? "" : where + ".") + key + ": expected true or false, found "
                    + describe(value));
        }
        return (Boolean) value;
    }

    static String text(Map<String, Object> map, String where, String key) throws RulesFileException {
        if (!map.containsKey(key)) {
            return null;
        }
        Object value = map.get(key);
        if (!(value instanceof String)) {
            throw new RulesFileException(where + "." + key + ": expected text, found " + describe(value));
        }
        return (String) value;
    }

    static String scalar(Map<String, Object> map, String where, String key) throws RulesFileException {
        Object value = map.get(key);
        if (value == null || value instanceof Map || value instanceof List) {
            throw new RulesFileException(where + "." + key + ": expected a single value, found " + describe(value));
        }
        return String.valueOf(value);
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + printable(String.valueOf(value)) + "'";
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit((int) MAX_BYTES);
        return new Yaml(new SafeConstructor(options));
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    static String join(List<String> keys) {
        StringBuilder out = new StringBuilder();
        for (String key : keys) {
            out.append(out.length() == 0 ? "" : ", ").append(key);
        }
        return out.toString();
    }

    static String oneLine(String text) {
        return printable(text.replaceAll("\\s+", " ").trim());
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 160; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return text.length() > 160 ? out + "…" : out.toString();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
