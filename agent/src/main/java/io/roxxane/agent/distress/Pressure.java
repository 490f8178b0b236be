package io.roxxane.agent.distress;

/**
 * One figure that can put the JVM in distress, as a fraction of its limit. It counts from
 * {@code enter} on, or earlier when it climbs so fast that, at the last interval's rate, it would
 * reach the limit within {@code horizon} samples (a leak heading for OutOfMemoryError passes from
 * 80% to the end in a few seconds); it stops counting once below {@code leave} and no longer
 * climbing that fast, so that a figure hovering at the threshold does not switch urgent delivery
 * on and off every sample.
 */
final class Pressure {
    /** Below this, a fast climb alone is not distress: a young heap fills fast and empties again, and G1's old generation rises to about half the heap before its mixed collections bring it down. */
    private static final double TREND_FLOOR = 0.70;

    final String name;
    private final double enter;
    private final double leave;
    private final int horizon;
    private double last = Double.NaN;
    private boolean on;

    Pressure(String name, double enter, double leave, int horizon) {
        this.name = name;
        this.enter = enter;
        this.leave = leave;
        this.horizon = horizon;
    }

    /** Takes this sample's fraction (NaN when unknown); returns whether it counts as distress now. */
    boolean update(double fraction) {
        double previous = last;
        last = fraction;
        if (Double.isNaN(fraction)) {
            on = false;
            return false;
        }
        boolean climbing = !Double.isNaN(previous) && fraction >= TREND_FLOOR && fraction > previous
                && (1.0 - fraction) / (fraction - previous) <= horizon;
        on = fraction >= enter || climbing || (on && fraction >= leave);
        return on;
    }
}
