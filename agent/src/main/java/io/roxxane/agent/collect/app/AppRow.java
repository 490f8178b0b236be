package io.roxxane.agent.collect.app;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.NestedTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the {@code app_metrics} value of one sample from the series read: series that share a key
 * are merged (a built-in set sums them, as the OpenTelemetry rule sets aggregate several MBeans into
 * one metric; a rule's get jmx_exporter's {@code _objectname} label), counters become their
 * increase, values that cannot travel (NaN, infinities) are dropped, and at most {@code maxValues}
 * series are kept, the rest counted.
 */
final class AppRow {
    static final String OBJECTNAME_LABEL = "_objectname";
    private static final ColumnType ENTRY = NestedTypes.APP_METRICS.valueType();

    /** The column's value and how many series were cut. */
    static final class Built {
        final Map<String, Struct> entries;
        final int cut;

        Built(Map<String, Struct> entries, int cut) {
            this.entries = entries;
            this.cut = cut;
        }
    }

    private AppRow() {
    }

    static Built build(List<Series> read, CounterDeltas deltas, int maxValues) {
        deltas.nextSample();
        Map<String, Series> merged = merge(read);
        Map<String, Struct> entries = new LinkedHashMap<String, Struct>();
        int cut = 0;
        for (Series series : merged.values()) {
            double value = series.value();
            if (series.type() == SeriesType.COUNTER) {
                value = deltas.delta(series.key(), value, series.fromZero());
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            if (entries.size() >= maxValues) {
                cut++;
                continue;
            }
            entries.put(series.key(), new Struct(ENTRY).set("name", series.name()).set("labels", series.labels())
                    .set("type", series.type().text()).set("value", value));
        }
        if (cut > 0) {
            AgentLog.warnLimited("jmx-max-values", "application MBeans: " + (entries.size() + cut)
                    + " values in a sample, jmx_max_values=" + maxValues + " are kept; the other " + cut
                    + " are left out and counted in agent_jmx_skipped");
        }
        return new Built(entries, cut);
    }

    private static Map<String, Series> merge(List<Series> read) {
        Map<String, Series> byKey = new LinkedHashMap<String, Series>();
        Set<String> clashingNames = new HashSet<String>();
        for (Series series : read) {
            Series earlier = byKey.get(series.key());
            if (earlier == null) {
                byKey.put(series.key(), series);
            } else if (series.origin() == null && earlier.origin() == null) {
                byKey.put(series.key(), earlier.withValue(earlier.value() + series.value()));
            } else {
                clashingNames.add(series.name());
            }
        }
        if (clashingNames.isEmpty()) {
            return byKey;
        }
        // jmx_exporter: when two series of one name have equal labels, every series of that name
        // gets the label _objectname, the match name up to the attribute's value
        Map<String, Series> relabelled = new LinkedHashMap<String, Series>();
        List<Series> all = new ArrayList<Series>(read);
        for (Series series : all) {
            Series kept = clashingNames.contains(series.name()) && series.origin() != null
                    ? series.withLabel(OBJECTNAME_LABEL, series.origin()) : series;
            Series earlier = relabelled.get(kept.key());
            if (earlier == null) {
                relabelled.put(kept.key(), kept);
            } else if (kept.origin() == null && earlier.origin() == null) {
                relabelled.put(kept.key(), earlier.withValue(earlier.value() + kept.value()));
            }
        }
        return relabelled;
    }
}
