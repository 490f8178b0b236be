package io.roxxane.agent.collect.app.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;

/**
 * jmx_exporter 1.0.1's walk of an attribute value ({@code JmxScraper.processBeanValue}): numbers,
 * strings, booleans and enums are leaves (a Date becomes seconds since the epoch); composite data
 * adds its attribute to the path and walks each key; tabular data adds each row's index columns to
 * the properties and walks the other columns (a column named {@code value} keeps the attribute's
 * name); an Optional is unwrapped; arrays and other objects give nothing.
 */
final class Flattener {
    /** What walking one attribute found. */
    static final class Result {
        final List<Leaf> leaves = new ArrayList<Leaf>();
        /** The value (or a part of it) is an object jmx_exporter does not export (its auto-exclusion). */
        boolean unsupported;
    }

    private Flattener() {
    }

    static Result walk(String domain, LinkedHashMap<String, String> properties, String attribute, Object value) {
        Result result = new Result();
        walk(domain, properties, Collections.<String>emptyList(), attribute, value, result, 0);
        return result;
    }

    private static void walk(String domain, LinkedHashMap<String, String> properties, List<String> path,
            String attrName, Object value, Result result, int depth) {
        if (value == null || depth > 16) {
            return;
        }
        if (value instanceof Number || value instanceof String || value instanceof Boolean) {
            result.leaves.add(new Leaf(domain, properties, path, attrName, value));
        } else if (value instanceof Date) {
            result.leaves.add(new Leaf(domain, properties, path, attrName, ((Date) value).getTime() / 1000.0));
        } else if (value instanceof CompositeData) {
            CompositeData composite = (CompositeData) value;
            CompositeType type = composite.getCompositeType();
            List<String> deeper = append(path, attrName);
            for (String key : type.keySet()) {
                walk(domain, properties, deeper, key, composite.get(key), result, depth + 1);
            }
        } else if (value instanceof TabularData) {
            walkTable(domain, properties, path, attrName, (TabularData) value, result, depth);
        } else if (value.getClass().isArray()) {
            return; // jmx_exporter: "arrays are unsupported"
        } else if (value instanceof Optional) {
            Optional<?> optional = (Optional<?>) value;
            if (optional.isPresent()) {
                walk(domain, properties, path, attrName, optional.get(), result, depth + 1);
            }
        } else if (value.getClass().isEnum()) {
            result.leaves.add(new Leaf(domain, properties, path, attrName, value.toString()));
        } else {
            result.unsupported = true;
        }
    }

    private static void walkTable(String domain, LinkedHashMap<String, String> properties, List<String> path,
            String attrName, TabularData table, Result result, int depth) {
        TabularType tableType = table.getTabularType();
        List<String> rowKeys = tableType.getIndexNames();
        CompositeType rowType = tableType.getRowType();
        Set<String> valueKeys = new TreeSet<String>(rowType.keySet());
        valueKeys.removeAll(rowKeys);
        List<String> extended = append(path, attrName);
        for (Object row : table.values()) {
            if (!(row instanceof CompositeData)) {
                continue;
            }
            CompositeData composite = (CompositeData) row;
            LinkedHashMap<String, String> rowProperties = new LinkedHashMap<String, String>(properties);
            for (String index : rowKeys) {
                Object key = composite.get(index);
                if (key == null) {
                    continue;
                }
                String label = index;
                while (rowProperties.containsKey(label)) {
                    label = label + "_";
                }
                if (key instanceof CompositeData) {
                    CompositeData compositeKey = (CompositeData) key;
                    for (String part : compositeKey.getCompositeType().keySet()) {
                        rowProperties.put(label + "_" + part, String.valueOf(compositeKey.get(part)));
                    }
                } else {
                    rowProperties.put(label, key.toString());
                }
            }
            for (String valueKey : valueKeys) {
                boolean isValue = valueKey.equalsIgnoreCase("value");
                walk(domain, rowProperties, isValue ? path : extended, isValue ? attrName : valueKey,
                        composite.get(valueKey), result, depth + 1);
            }
        }
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<String>(path.size() + 1);
        longer.addAll(path);
        longer.add(name);
        return longer;
    }
}
