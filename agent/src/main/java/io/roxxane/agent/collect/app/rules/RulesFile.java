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
                rules.add(rule(i, mapping(items.get(i), "rules[" + i + "]")));
            }
        } else {
            rules.add(Rule.matchingEverything());
        }
        return new RulesConfig(lowercaseName, lowercaseLabels, include, exclude, excludedAttributes, autoExclude,
                startDelay, rules);
    }

    private static Rule rule(int index, Map<String, Object> yaml) throws RulesFileException {
        String where = "rules[" + index + "]";
        for (String key : yaml.keySet()) {
            if (!RULE_KEYS.contains(key)) {
                throw new RulesFileException(where + ": unknown key '" + printable(key) + "'; a rule has "
                        + join(RULE_KEYS));
            }
        }
        Pattern pattern = null;
        if (yaml.containsKey("pattern")) {
            Object source = yaml.get("pattern");
            if (source == null || source instanceof Map || source instanceof List) {
                throw new RulesFileException(where + ".pattern: expected a regular expression, found " + describe(source));
            }
            try {
                pattern = Pattern.compile("^.*(?:" + source + ").*$");
            } catch (PatternSyntaxException wrapped) {
                PatternSyntaxException e = wrapped;
                try {
                    Pattern.compile(String.valueOf(source)); // its own error, positioned in the text as written
                } catch (PatternSyntaxException own) {
                    e = own;
                }
                throw new RulesFileException(where + ".pattern: not a valid regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 && e == wrapped ? "" : e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
                        + " in '" + printable(String.valueOf(source)) + "'");
            }
        }
        String name = text(yaml, where, "name");
        String help = text(yaml, where, "help");
        String value = yaml.containsKey("value") ? scalar(yaml, where, "value") : null;
        double valueFactor = 1.0;
        if (yaml.containsKey("valueFactor")) {
            String factor = scalar(yaml, where, "valueFactor");
            try {
                valueFactor = Double.parseDouble(factor);
            } catch (NumberFormatException e) {
                throw new RulesFileException(where + ".valueFactor: expected a number, found '" + printable(factor) + "'");
            }
        }
        boolean snakeCase = bool(yaml, "attrNameSnakeCase", false, where);
        boolean cache = bool(yaml, "cache", false, where);
        SeriesType type = type(yaml, where);
        List<String> labelNames = new ArrayList<String>();
        List<String> labelValues = new ArrayList<String>();
        if (yaml.containsKey("labels")) {
            Map<String, Object> labels = mapping(yaml.get("labels"), where + ".labels");
            for (Map.Entry<String, Object> label : new TreeMap<String, Object>(labels).entrySet()) {
                if (!(label.getValue() instanceof String)) {
                    throw new RulesFileException(where + ".labels." + label.getKey() + ": expected text (quote it), found "
                            + describe(label.getValue()));
                }
                labelNames.add(label.getKey());
                labelValues.add((String) label.getValue());
            }
        }
        if ((!labelNames.isEmpty() || yaml.containsKey("labels") || help != null) && name == null) {
            throw new RulesFileException(where + ": labels or help need a name (as in jmx_exporter)");
        }
        if (name != null && pattern == null) {
            throw new RulesFileException(where + ": a name needs a pattern (as in jmx_exporter)");
        }
        int groups = pattern == null ? 0 : pattern.matcher("").groupCount();
        String namedGroups = yaml.containsKey("pattern") ? String.valueOf(yaml.get("pattern")) : "";
        checkTemplate(where + ".name", name, groups, namedGroups);
        checkTemplate(where + ".value", value, groups, namedGroups);
        for (int i = 0; i < labelNames.size(); i++) {
            checkTemplate(where + ".labels (name " + labelNames.get(i) + ")", labelNames.get(i), groups, namedGroups);
            checkTemplate(where + ".labels." + labelNames.get(i), labelValues.get(i), groups, namedGroups);
        }
        return new Rule(index, pattern, name, value, valueFactor, snakeCase, cache, type, labelNames, labelValues);
    }

    private static SeriesType type(Map<String, Object> yaml, String where) throws RulesFileException {
        if (!yaml.containsKey("type")) {
            return SeriesType.UNTYPED;
        }
        Object type = yaml.get("type");
        if ("GAUGE".equals(type)) {
            return SeriesType.GAUGE;
        } else if ("COUNTER".equals(type)) {
            return SeriesType.COUNTER;
        } else if ("UNTYPED".equals(type) || "UNKNOWN".equals(type)) {
            return SeriesType.UNTYPED;
        }
        throw new RulesFileException(where + ".type: " + describe(type) + " is not a type; expected GAUGE, COUNTER or"
                + " UNTYPED (jmx_exporter reads any other spelling as UNTYPED)");
    }

    /**
     * A replacement template must expand against the pattern's groups: {@code $n} with n no higher
     * than the group count, {@code ${name}} of a named group, no lone {@code $} or trailing backslash.
     */
    private static void checkTemplate(String where, String template, int groups, String patternSource)
            throws RulesFileException {
        if (template == null) {
            return;
        }
        Matcher names = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(patternSource);
        StringBuilder named = new StringBuilder();
        int namedCount = 0;
        while (names.find()) {
            named.append("(?<").append(names.group(1)).append(">)");
            namedCount++;
        }
        StringBuilder empties = new StringBuilder();
        for (int i = 0; i < groups - namedCount; i++) {
            empties.append("()");
        }
        try {
            Matcher probe = Pattern.compile(empties.toString() + named).matcher("");
            probe.find();
            probe.appendReplacement(new StringBuffer(), template);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new RulesFileException(where + ": '" + printable(template) + "' cannot be expanded: "
                    + oneLine(String.valueOf(e.getMessage())) + " (the pattern has " + groups + " groups)");
        }
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
    private static Map<String, Object> mapping(Object value, String where) throws RulesFileException {
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

    private static boolean bool(Map<String, Object> map, String key, boolean fallback) throws RulesFileException {
        return bool(map, key, fallback, null);
    }

    private static boolean bool(Map<String, Object> map, String key, boolean fallback, String where)
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

    private static String text(Map<String, Object> map, String where, String key) throws RulesFileException {
        if (!map.containsKey(key)) {
            return null;
        }
        Object value = map.get(key);
        if (!(value instanceof String)) {
            throw new RulesFileException(where + "." + key + ": expected text, found " + describe(value));
        }
        return (String) value;
    }

    private static String scalar(Map<String, Object> map, String where, String key) throws RulesFileException {
        Object value = map.get(key);
        if (value == null || value instanceof Map || value instanceof List) {
            throw new RulesFileException(where + "." + key + ": expected a single value, found " + describe(value));
        }
        return String.valueOf(value);
    }

    private static String describe(Object value) {
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

    private static String join(List<String> keys) {
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
