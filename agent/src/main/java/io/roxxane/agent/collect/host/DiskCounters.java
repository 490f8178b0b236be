package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.ProcFile;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;

/**
 * One disk's counters from its /proc/diskstats row, at this read and at the one before: reads,
 * bytes read, writes, bytes written, and the milliseconds the device was busy (field 10, "time
 * spent doing I/Os": at most the interval, whatever the queue depth). Sectors there are always
 * 512 bytes, whatever the device's own sector size.
 */
final class DiskCounters {
    static final int READS = 0;
    static final int READ_BYTES = 1;
    static final int WRITES = 2;
    static final int WRITE_BYTES = 3;
    static final int IO_MS = 4;
    private static final long SECTOR_BYTES = 512;
    /** Which field after the device name each counter is (0-based), and its multiplier. */
    private static final int[] FIELDS = {0, 2, 4, 6, 9};
    private static final long[] SCALE = {1, SECTOR_BYTES, 1, SECTOR_BYTES, 1};
    private static final String[] NAMES = {"reads", "read_bytes", "writes", "write_bytes", "io_time_ms"};
    private static final ColumnType DISK = Column.HOST_DISKS.type().valueType();

    final String name;
    private long[] now = new long[FIELDS.length];
    private long[] before = new long[FIELDS.length];
    private boolean valid;
    private boolean validBefore;

    DiskCounters(String name) {
        this.name = name;
    }

    /** Reads the row's counters from {@code at} (just past the name); false if one is not a number. */
    boolean read(ProcFile diskstats, int at) {
        shift();
        int field = 0;
        int position = at;
        valid = true;
        for (int f = 0; f < FIELDS.length; f++) {
            while (field < FIELDS[f]) {
                position = diskstats.skipField(position);
                field++;
            }
            long value = diskstats.number(position);
            now[f] = value < 0 ? -1 : value * SCALE[f];
            valid &= value >= 0;
        }
        return valid;
    }

    /** The disk had no row in this read. */
    void missed() {
        shift();
        valid = false;
    }

    private void shift() {
        long[] swap = before;
        before = now;
        now = swap;
        validBefore = valid;
    }

    /** Counter {@code index} at this read. */
    long now(int index) {
        return now[index];
    }

    /** The increase of each counter since the read before, as a struct; null without two readings. */
    Struct deltas() {
        if (!valid || !validBefore) {
            return null;
        }
        Struct struct = new Struct(DISK);
        for (int f = 0; f < FIELDS.length; f++) {
            long delta = now[f] - before[f];
            if (delta >= 0) {
                struct.set(NAMES[f], delta);
            }
        }
        return struct;
    }
}
