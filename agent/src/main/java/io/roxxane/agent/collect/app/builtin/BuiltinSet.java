package io.roxxane.agent.collect.app.builtin;

import io.roxxane.agent.collect.app.BeanSource;
import io.roxxane.agent.collect.app.BeanView;
import io.roxxane.agent.collect.app.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.ObjectName;

/** One built-in set: its rules, active where their MBeans exist. */
public final class BuiltinSet implements BeanSource {
    private final String name;
    private final List<BeanRule> rules;
    private final List<ObjectName> queries;

    BuiltinSet(String name, BeanRule... rules) {
        this.name = name;
        this.rules = Collections.unmodifiableList(Arrays.asList(rules));
        List<ObjectName> patterns = new ArrayList<ObjectName>();
        for (BeanRule rule : rules) {
            patterns.addAll(rule.patterns);
        }
        this.queries = Collections.unmodifiableList(patterns);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ObjectName> queries() {
        return queries;
    }

    @Override
    public boolean excludes(ObjectName objectName) {
        return false;
    }

    @Override
    public long startDelayNanos() {
        return 0;
    }

    @Override
    public BeanView view(ObjectName objectName, MBeanAttributeInfo[] attributes) {
        for (BeanRule rule : rules) {
            if (!rule.matches(objectName)) {
                continue;
            }
            Map<String, String> labels = rule.labels(objectName);
            if (labels == null) {
                return null;
            }
            Set<String> present = new LinkedHashSet<String>();
            for (MBeanAttributeInfo attribute : attributes) {
                present.add(attribute.getName());
            }
            Set<String> read = new LinkedHashSet<String>();
            for (Mapping mapping : rule.mappings) {
                if (present.contains(mapping.attribute)) {
                    read.add(mapping.attribute);
                }
            }
            return read.isEmpty() ? null : new View(rule, labels, read.toArray(new String[0]));
        }
        return null;
    }

    private static final class View implements BeanView {
        private final BeanRule rule;
        private final Map<String, String> labels;
        private final String[] attributes;

        View(BeanRule rule, Map<String, String> labels, String[] attributes) {
            this.rule = rule;
            this.labels = labels;
            this.attributes = attributes;
        }

        @Override
        public String[] attributes() {
            return attributes;
        }

        @Override
        public void interpret(List<String> names, List<Object> values, List<Series> out) {
            for (Mapping mapping : rule.mappings) {
                int i = names.indexOf(mapping.attribute);
                if (i < 0) {
                    continue;
                }
                Object raw = values.get(i);
                double value;
                if (raw instanceof Number) {
                    value = ((Number) raw).doubleValue() * mapping.scale;
                } else if (raw instanceof Boolean) {
                    value = (Boolean) raw ? 1 : 0;
                } else {
                    continue;
                }
                if (Double.isNaN(value) || Double.isInfinite(value) || (mapping.dropNegative && value < 0)) {
                    continue;
                }
                Map<String, String> seriesLabels = labels;
                if (!mapping.constantLabels.isEmpty()) {
                    seriesLabels = new LinkedHashMap<String, String>(labels);
                    seriesLabels.putAll(mapping.constantLabels);
                }
                out.add(new Series(mapping.metric, seriesLabels, mapping.type, value, null));
            }
        }
    }
}
