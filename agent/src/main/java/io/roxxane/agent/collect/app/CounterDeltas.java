package io.roxxane.agent.collect.app;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns counter series (running totals) into their increase since the last sample that had them,
 * keyed by series. As elsewhere in the row: the first reading gives nothing, nor does one that went
 * backwards; except for an MBean registered after the agent first looked, whose totals started at
 * zero since. A series not read in a sample (its
 * getter stuck, the budget spent) keeps its last total, so the next increase covers the gap and
 * totals summed over time stay right. Totals not seen for {@link #FORGET_AFTER_SAMPLES} samples are
 * forgotten. Collector thread only.
 */
final class CounterDeltas {
    static final int FORGET_AFTER_SAMPLES = 360;
    private static final int MAX_SERIES = 20_000;

    private final Map<String, double[]> last = new HashMap<String, double[]>();
    private long sample;

    /** Starts a sample; forgets totals not seen for a while. */
    void nextSample() {
        sample++;
        if (sample % 60 == 0 || last.size() > MAX_SERIES) {
            for (Iterator<double[]> it = last.values().iterator(); it.hasNext();) {
                if (sample - (long) it.next()[1] > FORGET_AFTER_SAMPLES || last.size() > MAX_SERIES) {
                    it.remove();
                }
            }
        }
    }

    /**
     * The increase of {@code key}'s total since its last reading, or NaN when there is none to
     * report. With {@code fromZero} (the MBean was registered after the agent first looked, so it
     * counted from zero) a first reading, or one below the last (the MBean was made again), is all
     * increase.
     */
    double delta(String key, double total, boolean fromZero) {
        double[] previous = last.get(key);
        if (previous == null) {
            last.put(key, new double[] {total, sample});
            return fromZero ? total : Double.NaN;
        }
        double before = previous[0];
        previous[0] = total;
        previous[1] = sample;
        if (Double.isNaN(before) || total < before) {
            return fromZero ? total : Double.NaN;
        }
        return total - before;
    }
}
