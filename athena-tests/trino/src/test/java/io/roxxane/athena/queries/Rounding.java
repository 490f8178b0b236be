package io.roxxane.athena.queries;

/** Trino's {@code round(double, n)}: half away from zero at n decimals (used only to order as a query orders). */
final class Rounding {
    private Rounding() {
    }

    static Double round(Double value, int digits) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return value;
        }
        double factor = Math.pow(10, digits);
        return value < 0 ? -(Math.round(-value * factor) / factor) : Math.round(value * factor) / factor;
    }
}
