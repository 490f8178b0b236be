package io.roxxane.agent.collect.app.rules;

import io.roxxane.agent.collect.app.Series;
import io.roxxane.agent.collect.app.SeriesType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * jmx_exporter 1.0.1's rule loop ({@code JmxCollector.Receiver.recordBean}) for one value: the
 * string {@code beanName + attrName + ": " + value} (the value written {@code <cache>} for a rule
 * with {@code cache: true}) is matched against each rule in turn, and the first that matches names
 * the series; a value template that is not a number, or a name that comes out empty, drops the
 * value. Then the exposed name: reserved suffixes stripped, {@code _total} added to a counter's.
 *
 * <p>Decided once per value, not per sample: {@link #plan} matches the string with the value read
 * and with two other values ("0" and a control character); when a rule's verdict and captured
 * groups are the same for all three, the value cannot change them, and the result is kept
 * ({@link Plan#fixed}). Otherwise (a pattern that reads the value, a template using {@code $0}) the
 * rules from that one on are matched at each read, and only when the value's text changed.
 */
final class RuleMatcher {
    private static final String[] PROBES = {"0", "\u0000"};

    private final RulesConfig config;

    RuleMatcher(RulesConfig config) {
        this.config = config;
    }

    /** What the rules make of one value: nothing, a fixed result, or matching at each read. */
    static final class Plan {
        static final Plan NEVER = new Plan(null, -1);
        /** The result when the value does not matter; null with a dynamic plan or none. */
        final Produced fixed;
        /** The first rule to match at each read; -1 when not dynamic. */
        final int dynamicFrom;
        private String lastText;
        private Produced lastProduced;

        Plan(Produced fixed, int dynamicFrom) {
            this.fixed = fixed;
            this.dynamicFrom = dynamicFrom;
        }

        boolean never() {
            return fixed == null && dynamicFrom < 0;
        }
    }

    /** A rule's result for a value: the series' name and labels, and where its value comes from. */
    static final class Produced {
        static final Produced DROPPED = new Produced(null, null, null, null, 1, null);
        final String name;
        final Map<String, String> labels;
        final SeriesType type;
        /** The value template's result, used instead of the attribute's value; null when none. */
        final Double override;
        final double factor;
        final String origin;

        Produced(String name, Map<String, String> labels, SeriesType type, Double override, double factor, String origin) {
            this.name = name;
            this.labels = labels;
            this.type = type;
            this.override = override;
            this.factor = factor;
            this.origin = origin;
        }
    }

    /** Decides what the rules make of {@code leaf}, reading its current value once. */
    Plan plan(Leaf leaf) {
        String beanName = leaf.beanName();
        String valueText = String.valueOf(leaf.value);
        for (int i = 0; i < config.rules.size(); i++) {
            Rule rule = config.rules.get(i);
            String prefix = beanName + attributeName(rule, leaf) + ": ";
            if (rule.pattern == null) {
                return new Plan(produce(rule, null, prefix + valueText, leaf), -1);
            }
            if (rule.cache) {
                Matcher matcher = rule.pattern.matcher(prefix + "<cache>");
                if (matcher.matches()) {
                    return new Plan(produce(rule, matcher, prefix + "<cache>", leaf), -1);
                }
                continue;
            }
            Matcher actual = rule.pattern.matcher(prefix + valueText);
            boolean matched = actual.matches();
            boolean same = true;
            for (String probe : PROBES) {
                Matcher other = rule.pattern.matcher(prefix + probe);
                boolean otherMatched = other.matches();
                same &= otherMatched == matched && (!matched || sameGroups(actual, other));
            }
            if (!same || (matched && rule.readsWholeMatch)) {
                return new Plan(null, i);
            }
            if (matched) {
                return new Plan(produce(rule, actual, prefix + valueText, leaf), -1);
            }
        }
        return Plan.NEVER;
    }

    /** Adds the series of {@code leaf} under {@code plan}, if any. */
    void emit(Plan plan, Leaf leaf, List<Series> out) {
        Produced produced = plan.fixed;
        if (produced == null && plan.dynamicFrom >= 0) {
            String text = String.valueOf(leaf.value);
            if (!text.equals(plan.lastText)) {
                plan.lastText = text;
                plan.lastProduced = matchFrom(plan.dynamicFrom, leaf, text);
            }
            produced = plan.lastProduced;
        }
        if (produced == null || produced == Produced.DROPPED) {
            return;
        }
        Object raw = produced.override != null ? produced.override : leaf.value;
        double value;
        if (raw instanceof Number) {
            value = ((Number) raw).doubleValue() * produced.factor;
        } else if (raw instanceof Boolean) {
            value = (Boolean) raw ? 1 : 0;
        } else {
            return; // jmx_exporter: "Ignoring unsupported bean"
        }
        out.add(new Series(produced.name, produced.labels, produced.type, value, produced.origin));
    }

    private Produced matchFrom(int from, Leaf leaf, String valueText) {
        String beanName = leaf.beanName();
        for (int i = from; i < config.rules.size(); i++) {
            Rule rule = config.rules.get(i);
            String matchName = beanName + attributeName(rule, leaf) + ": " + (rule.cache ? "<cache>" : valueText);
            Matcher matcher = null;
            if (rule.pattern != null) {
                matcher = rule.pattern.matcher(matchName);
                if (!matcher.matches()) {
                    continue;
                }
            }
            return produce(rule, matcher, matchName, leaf);
        }
        return null;
    }

    private Produced produce(Rule rule, Matcher matcher, String matchName, Leaf leaf) {
        try {
            Double override = null;
            if (rule.value != null && !rule.value.isEmpty()) {
                String text = matcher == null ? rule.value : matcher.replaceAll(rule.value);
                try {
                    override = Double.valueOf(text);
                } catch (NumberFormatException e) {
                    return Produced.DROPPED;
                }
            }
            String origin = matchName.substring(0, Math.max(0, matchName.lastIndexOf(':')));
            if (rule.name == null) {
                return defaultExport(rule, leaf, override, origin);
            }
            String name = PrometheusNames.safeName(matcher.replaceAll(rule.name));
            if (name.isEmpty()) {
                return Produced.DROPPED;
            }
            if (config.lowercaseOutputName) {
                name = RulesFile.lower(name);
            }
            Map<String, String> labels = new LinkedHashMap<String, String>();
            for (int i = 0; i < rule.labelNames.size(); i++) {
                String labelName = PrometheusNames.safeName(matcher.replaceAll(rule.labelNames.get(i)));
                String labelValue = matcher.replaceAll(rule.labelValues.get(i));
                if (config.lowercaseOutputLabelNames) {
                    labelName = RulesFile.lower(labelName);
                }
                if (!labelName.isEmpty() && !labelValue.isEmpty()) {
                    labels.put(labelName, labelValue);
                }
            }
            return new Produced(exposed(name, rule.type), labels, rule.type, override, rule.valueFactor, origin);
        } catch (RuntimeException badTemplate) {
            return Produced.DROPPED; // e.g. ${name} of a group that did not take part
        }
    }

    /** jmx_exporter's name without a rule name: domain, first key property's value, path, attribute. */
    private Produced defaultExport(Rule rule, Leaf leaf, Double override, String origin) {
        StringBuilder name = new StringBuilder(leaf.domain);
        Iterator<Map.Entry<String, String>> properties = leaf.properties.entrySet().iterator();
        if (properties.hasNext()) {
            name.append('_').append(properties.next().getValue());
        }
        for (String key : leaf.path) {
            name.append('_').append(key);
        }
        name.append('_').append(attributeName(rule, leaf));
        String full = PrometheusNames.safeName(name.toString());
        if (config.lowercaseOutputName) {
            full = RulesFile.lower(full);
        }
        Map<String, String> labels = new LinkedHashMap<String, String>();
        while (properties.hasNext()) {
            Map.Entry<String, String> property = properties.next();
            String labelName = PrometheusNames.safeName(property.getKey());
            if (config.lowercaseOutputLabelNames) {
                labelName = RulesFile.lower(labelName);
            }
            labels.put(labelName, property.getValue());
        }
        return new Produced(exposed(full, rule.type), labels, rule.type, override, rule.valueFactor, origin);
    }

    /** The name jmx_exporter's /metrics shows: reserved suffixes stripped; a counter's with {@code _total}. */
    private static String exposed(String name, SeriesType type) {
        String sanitized = PrometheusNames.sanitizeMetricName(name);
        return type == SeriesType.COUNTER ? sanitized + "_total" : sanitized;
    }

    private static String attributeName(Rule rule, Leaf leaf) {
        return rule.attrNameSnakeCase ? PrometheusNames.toSnakeAndLowerCase(leaf.attrName) : leaf.attrName;
    }

    private static boolean sameGroups(Matcher a, Matcher b) {
        for (int g = 1; g <= a.groupCount(); g++) {
            String x = a.group(g);
            String y = b.group(g);
            if (x == null ? y != null : !x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    /** For tests: the series one value gives, matched afresh. */
    List<Series> seriesOf(Leaf leaf) {
        List<Series> out = new ArrayList<Series>();
        emit(plan(leaf), leaf, out);
        return out;
    }
}
