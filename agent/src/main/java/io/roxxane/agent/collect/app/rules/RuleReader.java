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

/** Reads and checks one entry of a rules file's {@code rules} list, as jmx_exporter reads it. */
final class RuleReader {
    private RuleReader() {
    }

    static Rule rule(int index, Map<String, Object> yaml) throws RulesFileException {
        String where = "rules[" + index + "]";
        for (String key : yaml.keySet()) {
            if (!RulesFile.RULE_KEYS.contains(key)) {
                throw new RulesFileException(where + ": unknown key '" + RulesFile.printable(key) + "'; a rule has "
                        + RulesFile.join(RulesFile.RULE_KEYS));
            }
        }
        Pattern pattern = null;
        if (yaml.containsKey("pattern")) {
            Object source = yaml.get("pattern");
            if (source == null || source instanceof Map || source instanceof List) {
                throw new RulesFileException(where + ".pattern: expected a regular expression, found " + RulesFile.describe(source));
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
                        + " in '" + RulesFile.printable(String.valueOf(source)) + "'");
            }
        }
        String name = RulesFile.text(yaml, where, "name");
        String help = RulesFile.text(yaml, where, "help");
        String value = yaml.containsKey("value") ? RulesFile.scalar(yaml, where, "value") : null;
        double valueFactor = 1.0;
        if (yaml.containsKey("valueFactor")) {
            String factor = RulesFile.scalar(yaml, where, "valueFactor");
            try {
                valueFactor = Double.parseDouble(factor);
            } catch (NumberFormatException e) {
                throw new RulesFileException(where + ".valueFactor: expected a number, found '" + RulesFile.printable(factor) + "'");
            }
        }
        boolean snakeCase = RulesFile.bool(yaml, "attrNameSnakeCase", false, where);
        boolean cache = RulesFile.bool(yaml, "cache", false, where);
        SeriesType type = type(yaml, where);
        List<String> labelNames = new ArrayList<String>();
        List<String> labelValues = new ArrayList<String>();
        if (yaml.containsKey("labels")) {
            Map<String, Object> labels = RulesFile.mapping(yaml.get("labels"), where + ".labels");
            for (Map.Entry<String, Object> label : new TreeMap<String, Object>(labels).entrySet()) {
                if (!(label.getValue() instanceof String)) {
                    throw new RulesFileException(where + ".labels." + label.getKey() + ": expected text (quote it), found "
                            + RulesFile.describe(label.getValue()));
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
        throw new RulesFileException(where + ".type: " + RulesFile.describe(type) + " is not a type; expected GAUGE, COUNTER or"
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
            throw new RulesFileException(where + ": '" + RulesFile.printable(template) + "' cannot be expanded: "
                    + RulesFile.oneLine(String.valueOf(e.getMessage())) + " (the pattern has " + groups + " groups)");
        }
    }

}
