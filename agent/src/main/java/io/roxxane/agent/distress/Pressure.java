package io.roxxane.agent.distress;

/**
 * One figure that can put the JVM in distress, as a fraction of its limit, with hysteresis: it
 * counts from {@code enter} on and until it falls below {@code leave}, so that a figure hovering
 * at the threshold does not switch urgent delivery on and off every sample.
 */
final class Pressure {
    final String name;
    private final double enter;
    private final double leave;
    private boolean on;

    Pressure(String name, double enter, double leave) {
        this.name = name;
        this.enter = enter;
        this.leave = leave;
    }

    /** Takes this sample's fraction (NaN when unknown); returns whether it counts as distress now. */
    boolean update(double fraction) {
        if (Double.isNaN(fraction)) {
            on = false;
        } else if (on) {
            on = fraction >= leave;
        } else {
            on = fraction >= enter;
        }
        return on;
    }
}
