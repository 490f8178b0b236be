package io.roxxane.agent.collect.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value read from an MBean: a metric name, its labels in order, its type and the value as read
 * (a counter's running total; the collector turns it into the interval's increase). Immutable.
 */
public final class Series {
    private final String name;
    private final Map<String, String> labels;
    private final SeriesType type;
    private final double value;
    private final String origin;
    private final String key;
    private final boolean fromZero;

    /**
     * @param origin for a rule's series, the jmx_exporter match name up to the attribute (what it
     *               adds as {@code _objectname} when two series of one name have the same labels);
     *               null for a built-in set's, whose equal series are summed
     */
    public Series(String name, Map<String, String> labels, SeriesType type, double value, String origin) {
        this(name, labels, type, value, origin, false);
    }

    private Series(String name, Map<String, String> labels, SeriesType type, double value, String origin,
            boolean fromZero) {
        this.fromZero = fromZero;
        this.name = name;
        this.labels = labels.isEmpty() ? Collections.<String, String>emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<String, String>(labels));
        this.type = type;
        this.value = value;
        this.origin = origin;
        this.key = keyOf(name, this.labels);
    }

    public String name() {
        return name;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public SeriesType type() {
        return type;
    }

    public double value() {
        return value;
    }

    public String origin() {
        return origin;
    }

    /** The series' key in {@code app_metrics}: {@code name} or {@code name{k=v,k=v}}. */
    public String key() {
        return key;
    }

    /** The same series with another value. */
    public Series withValue(double newValue) {
        return new Series(name, labels, type, newValue, origin, fromZero);
    }

    /**
     * Whether a counter's first reading is all increase: its MBean was registered after the agent
     * first looked (a pool made later, a new client), so its total counted from zero since.
     */
    boolean fromZero() {
        return fromZero;
    }

    /** The same series, read from an MBean that was registered after the agent first looked. */
    Series countedFromZero() {
        return new Series(name, labels, type, value, origin, true);
    }

    /** The same series with one more label, last. */
    public Series withLabel(String labelName, String labelValue) {
        Map<String, String> more = new LinkedHashMap<String, String>(labels);
        more.put(labelName, labelValue);
        return new Series(name, more, type, value, origin, fromZero);
    }

    /**
     * {@code name{k=v,k=v}}, labels in their order; a backslash, comma or closing brace in a label
     * value is escaped with a backslash, so distinct label sets never share a key.
     */
    static String keyOf(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder key = new StringBuilder(name.length() + 32).append(name).append('{');
        boolean first = true;
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (!first) {
                key.append(',');
            }
            first = false;
            key.append(label.getKey()).append('=');
            String value = label.getValue();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' || c == ',' || c == '}') {
                    key.append('\\');
                }
                key.append(c);
            }
        }
        return key.append('}').toString();
    }

    @Override
    public String toString() {
        return key + " " + type.text() + " " + value;
    }
}
