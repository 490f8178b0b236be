package io.roxxane.agent.collect.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the application-MBean collector reads and its bounds. Immutable. */
public final class AppSettings {
    /** How long a sample waits for the MBeans' values: what is not read by then is skipped and counted. */
    public static final long DEFAULT_BUDGET_MILLIS = 100;

    private final List<BeanSource> sources;
    private final int maxMBeans;
    private final int maxValues;
    private final long budgetMillis;

    /**
     * @param sources   built-in sets first, then the rules of {@code jmx_config}: the order of the
     *                  MBeans read and of the series in the row
     * @param maxMBeans at most this many MBeans read per sample ({@code jmx_max_mbeans})
     * @param maxValues at most this many series in one row ({@code jmx_max_values})
     */
    public AppSettings(List<BeanSource> sources, int maxMBeans, int maxValues, long budgetMillis) {
        if (maxMBeans < 1 || maxValues < 1 || budgetMillis < 1) {
            throw new IllegalArgumentException("caps and budget must be positive");
        }
        this.sources = Collections.unmodifiableList(new ArrayList<BeanSource>(sources));
        this.maxMBeans = maxMBeans;
        this.maxValues = maxValues;
        this.budgetMillis = budgetMillis;
    }

    public List<BeanSource> sources() {
        return sources;
    }

    public int maxMBeans() {
        return maxMBeans;
    }

    public int maxValues() {
        return maxValues;
    }

    public long budgetMillis() {
        return budgetMillis;
    }
}
