package io.roxxane.agent.collect.app.builtin;

import io.roxxane.agent.collect.app.SeriesType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One attribute of an MBean as one metric: its name, type, unit scale and constant labels. */
final class Mapping {
    final String attribute;
    final String metric;
    final SeriesType type;
    final double scale;
    final boolean dropNegative;
    final Map<String, String> constantLabels;

    private Mapping(String attribute, String metric, SeriesType type, double scale, boolean dropNegative,
            Map<String, String> constantLabels) {
        this.attribute = attribute;
        this.metric = metric;
        this.type = type;
        this.scale = scale;
        this.dropNegative = dropNegative;
        this.constantLabels = constantLabels;
    }

    static Mapping gauge(String attribute, String metric) {
        return new Mapping(attribute, metric, SeriesType.GAUGE, 1, false, Collections.<String, String>emptyMap());
    }

    static Mapping counter(String attribute, String metric) {
        return new Mapping(attribute, metric, SeriesType.COUNTER, 1, false, Collections.<String, String>emptyMap());
    }

    /** Values multiplied by {@code factor} (a unit conversion: ms to s is 0.001). */
    Mapping scaled(double factor) {
        return new Mapping(attribute, metric, type, factor, dropNegative, constantLabels);
    }

    /** A negative value means "none" (unlimited): left out, as OpenTelemetry's dropNegativeValues. */
    Mapping droppingNegative() {
        return new Mapping(attribute, metric, type, scale, true, constantLabels);
    }

    Mapping label(String name, String value) {
        Map<String, String> labels = new LinkedHashMap<String, String>(constantLabels);
        labels.put(name, value);
        return new Mapping(attribute, metric, type, scale, dropNegative, Collections.unmodifiableMap(labels));
    }
}
