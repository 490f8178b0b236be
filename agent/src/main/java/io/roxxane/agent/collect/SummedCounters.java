package io.roxxane.agent.collect;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;

/**
 * Running totals summed over devices (bytes and operations in and out of the disks, or of the
 * network interfaces), reported as deltas together: an interval sets every column or none.
 */
public final class SummedCounters {
    private final Column[] columns;
    private final long[] totals;
    private final Deltas[] deltas;
    private final long[] increases;

    /** @param columns the delta columns, in the order the totals are summed in */
    public SummedCounters(Column... columns) {
        this.columns = columns.clone();
        this.totals = new long[columns.length];
        this.deltas = new Deltas[columns.length];
        this.increases = new long[columns.length];
        for (int i = 0; i < columns.length; i++) {
            deltas[i] = new Deltas();
        }
    }

    /** The totals of this interval, one per column, for the caller to sum into; kept between calls. */
    public long[] totals() {
        return totals;
    }

    /**
     * Takes the summed totals as this interval's readings and sets each column to its increase,
     * unless {@code discard} (the devices or the source changed), this is the first reading, or a
     * total went backwards.
     */
    public void report(Sample sample, boolean discard) {
        boolean whole = !discard;
        for (int i = 0; i < totals.length; i++) {
            increases[i] = deltas[i].next(totals[i]);
            whole &= increases[i] >= 0;
        }
        if (whole) {
            for (int i = 0; i < columns.length; i++) {
                sample.set(columns[i], increases[i]);
            }
        }
    }
}
