package io.roxxane.agent.collect.app.rules;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scalar value jmx_exporter's walk of an attribute reaches: the MBean's domain and key
 * properties (with a table row's index columns added), the path of composite keys above it, its
 * name and value (a Number, String or Boolean).
 */
final class Leaf {
    final String domain;
    final LinkedHashMap<String, String> properties;
    final List<String> path;
    final String attrName;
    final Object value;

    Leaf(String domain, LinkedHashMap<String, String> properties, List<String> path, String attrName, Object value) {
        this.domain = domain;
        this.properties = properties;
        this.path = path;
        this.attrName = attrName;
        this.value = value;
    }

    /** {@code domain<k=v, k2=v2><a, b>}: jmx_exporter's bean name, the start of the string its patterns see. */
    String beanName() {
        StringBuilder out = new StringBuilder(domain).append('<');
        Iterator<Map.Entry<String, String>> entries = properties.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, String> entry = entries.next();
            out.append(entry.getKey()).append('=').append(entry.getValue());
            if (entries.hasNext()) {
                out.append(", ");
            }
        }
        out.append("><");
        for (int i = 0; i < path.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(path.get(i));
        }
        return out.append('>').toString();
    }
}
