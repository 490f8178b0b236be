package io.roxxane.agent.collect.app.rules;

import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * An ObjectName's key properties in the order they were given when it was made, values as written
 * (quoted values keep their quotes): jmx_exporter's {@code JmxMBeanPropertyCache}, whose order and
 * spelling its patterns see.
 */
final class KeyProperties {
    private static final Pattern PROPERTY = Pattern.compile(
            "([^,=:\\*\\?]+)=(\"(?:[^\\\\\"]*(?:\\\\.)?)*\"|[^,=:\"]*)");

    private KeyProperties() {
    }

    static LinkedHashMap<String, String> of(ObjectName name) {
        LinkedHashMap<String, String> properties = new LinkedHashMap<String, String>();
        String rest = name.getKeyPropertyListString();
        Matcher match = PROPERTY.matcher(rest);
        while (match.lookingAt()) {
            properties.put(match.group(1), match.group(2));
            rest = rest.substring(match.end());
            if (rest.startsWith(",")) {
                rest = rest.substring(1);
            }
            match.reset(rest);
        }
        return properties;
    }
}
