package io.roxxane.agent.collect.app.rules;

import io.roxxane.agent.collect.app.SeriesType;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One rule of a jmx_exporter file, compiled: its pattern wrapped as jmx_exporter wraps it
 * ({@code ^.*(?:PATTERN).*$}, so it may match anywhere in the string), and its templates.
 */
final class Rule {
    /** Position in the file's rules, from 0. */
    final int index;
    /** Null: the rule matches every value. */
    final Pattern pattern;
    /** Null: jmx_exporter's default name (domain, first key property, path, attribute). */
    final String name;
    /** Null or empty: the attribute's value; else a template giving the value. */
    final String value;
    final double valueFactor;
    final boolean attrNameSnakeCase;
    final boolean cache;
    final SeriesType type;
    /** Label name and value templates, ordered by name template (jmx_exporter's TreeMap). */
    final List<String> labelNames;
    final List<String> labelValues;
    /** A template uses {@code $0}, the whole string, which holds the value: the rule's result depends on it. */
    final boolean readsWholeMatch;

    Rule(int index, Pattern pattern, String name, String value, double valueFactor, boolean attrNameSnakeCase,
            boolean cache, SeriesType type, List<String> labelNames, List<String> labelValues) {
        this.index = index;
        this.pattern = pattern;
        this.name = name;
        this.value = value;
        this.valueFactor = valueFactor;
        this.attrNameSnakeCase = attrNameSnakeCase;
        this.cache = cache;
        this.type = type;
        this.labelNames = Collections.unmodifiableList(labelNames);
        this.labelValues = Collections.unmodifiableList(labelValues);
        boolean whole = usesWholeMatch(name) || usesWholeMatch(value);
        for (int i = 0; i < labelNames.size(); i++) {
            whole |= usesWholeMatch(labelNames.get(i)) || usesWholeMatch(labelValues.get(i));
        }
        this.readsWholeMatch = whole;
    }

    /** The default rule of a file without {@code rules}: every value, default names. */
    static Rule matchingEverything() {
        return new Rule(0, null, null, null, 1.0, false, false, SeriesType.UNTYPED,
                Collections.<String>emptyList(), Collections.<String>emptyList());
    }

    private static boolean usesWholeMatch(String template) {
        if (template == null) {
            return false;
        }
        for (int i = 0; i + 1 < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$' && template.charAt(i + 1) == '0') {
                return true;
            }
        }
        return false;
    }
}
