package io.roxxane.agent.config;

/**
 * The values a duration or size setting allows, and how to say so in an error. Durations are in
 * milliseconds, sizes in bytes; {@link Long#MAX_VALUE} as the maximum means no upper bound.
 */
final class Range {
    enum Unit {
        DURATION("a duration"),
        SIZE("a size");

        private final String noun;

        Unit(String noun) {
            this.noun = noun;
        }
    }

    private static final long[] DURATION_STEPS = {3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] DURATION_NAMES = {"h", "m", "s", "ms"};
    private static final long[] SIZE_STEPS = {1L << 30, 1L << 20, 1L << 10, 1L};
    private static final String[] SIZE_NAMES = {"GiB", "MiB", "KiB", "B"};

    final Unit unit;
    final long min;
    final long max;

    private Range(Unit unit, long min, long max) {
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    static Range millis(long min, long max) {
        return new Range(Unit.DURATION, min, max);
    }

    static Range bytes(long min, long max) {
        return new Range(Unit.SIZE, min, max);
    }

    boolean contains(long value) {
        return value >= min && value <= max;
    }

    /** {@code a duration between 1s and 1h}, {@code a size of at least 1MiB}. */
    String describe() {
        if (max == Long.MAX_VALUE) {
            return unit.noun + " of at least " + format(min);
        }
        return unit.noun + " between " + format(min) + " and " + format(max);
    }

    /** The value in the largest unit that divides it: 3600000 ms is {@code 1h}, 65536 bytes {@code 64KiB}. */
    String format(long value) {
        long[] steps = unit == Unit.DURATION ? DURATION_STEPS : SIZE_STEPS;
        String[] names = unit == Unit.DURATION ? DURATION_NAMES : SIZE_NAMES;
        if (value == 0) {
            return "0" + names[unit == Unit.DURATION ? 2 : 3];
        }
        for (int i = 0; i < steps.length; i++) {
            if (value % steps[i] == 0) {
                return value / steps[i] + names[i];
            }
        }
        throw new AssertionError("unreachable: the last step is 1");
    }
}
