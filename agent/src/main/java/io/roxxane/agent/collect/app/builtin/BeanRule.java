package io.roxxane.agent.collect.app.builtin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The MBeans one rule of a set reads (ObjectName patterns), the labels taken from their key
 * properties, and the attributes it maps.
 */
final class BeanRule {
    final List<ObjectName> patterns;
    final List<Mapping> mappings;
    private final Map<String, String> labelKeys = new LinkedHashMap<String, String>();
    private final Map<String, Pattern> labelExtracts = new LinkedHashMap<String, Pattern>();

    BeanRule(String[] patterns, Mapping... mappings) {
        List<ObjectName> names = new ArrayList<ObjectName>();
        for (String pattern : patterns) {
            try {
                names.add(new ObjectName(pattern));
            } catch (MalformedObjectNameException e) {
                throw new IllegalArgumentException(pattern, e);
            }
        }
        this.patterns = Collections.unmodifiableList(names);
        this.mappings = Collections.unmodifiableList(Arrays.asList(mappings));
    }

    /** Label {@code label} is the value of key property {@code key}, unquoted. */
    BeanRule labelFromKey(String label, String key) {
        labelKeys.put(label, key);
        return this;
    }

    /** Label {@code label} is group 1 of {@code regex} over key property {@code key}'s value. */
    BeanRule labelFromKey(String label, String key, String regex) {
        labelKeys.put(label, key);
        labelExtracts.put(label, Pattern.compile(regex));
        return this;
    }

    boolean matches(ObjectName name) {
        for (ObjectName pattern : patterns) {
            if (pattern.apply(name)) {
                return true;
            }
        }
        return false;
    }

    /** The labels of this MBean; null when a key property is missing or does not fit. */
    Map<String, String> labels(ObjectName name) {
        Map<String, String> labels = new LinkedHashMap<String, String>();
        for (Map.Entry<String, String> entry : labelKeys.entrySet()) {
            String value = name.getKeyProperty(entry.getValue());
            if (value == null) {
                return null;
            }
            if (value.length() >= 2 && value.charAt(0) == '"') {
                try {
                    value = ObjectName.unquote(value);
                } catch (IllegalArgumentException notQuoted) {
                    // keep as is
                }
            }
            Pattern extract = labelExtracts.get(entry.getKey());
            if (extract != null) {
                Matcher matcher = extract.matcher(value);
                if (!matcher.matches()) {
                    return null;
                }
                value = matcher.group(1);
            }
            labels.put(entry.getKey(), value);
        }
        return labels;
    }
}
