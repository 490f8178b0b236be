package io.roxxane.schema;

/**
 * The map and struct types of the columns whose set of keys is open: one entry per memory pool,
 * garbage collector, network interface, block device or mounted file system, keyed by its own name.
 */
public final class NestedTypes {
    /** A memory pool, by the pool's own name ("G1 Eden Space", "ZHeap", "Metaspace", …). */
    public static final ColumnType MEMORY_POOLS = ColumnType.mapOf(ColumnType.structOf(
            "heap", ColumnType.BOOLEAN,
            "used_bytes", ColumnType.BIGINT,
            "committed_bytes", ColumnType.BIGINT,
            "max_bytes", ColumnType.BIGINT,
            "used_after_gc_bytes", ColumnType.BIGINT));

    /** A garbage collector's activity in the interval, by the collector's own name. */
    public static final ColumnType GC_ACTIVITY = ColumnType.mapOf(ColumnType.structOf(
            "count", ColumnType.BIGINT,
            "time_ms", ColumnType.BIGINT));

    /** A network interface's counters over the interval, by interface name. */
    public static final ColumnType NETWORK_INTERFACES = ColumnType.mapOf(ColumnType.structOf(
            "rx_bytes", ColumnType.BIGINT,
            "tx_bytes", ColumnType.BIGINT,
            "rx_packets", ColumnType.BIGINT,
            "tx_packets", ColumnType.BIGINT,
            "rx_errors", ColumnType.BIGINT,
            "tx_errors", ColumnType.BIGINT,
            "rx_dropped", ColumnType.BIGINT,
            "tx_dropped", ColumnType.BIGINT));

    /** A block device's counters over the interval, by device name. */
    public static final ColumnType DISKS = ColumnType.mapOf(ColumnType.structOf(
            "read_bytes", ColumnType.BIGINT,
            "write_bytes", ColumnType.BIGINT,
            "reads", ColumnType.BIGINT,
            "writes", ColumnType.BIGINT,
            "io_time_ms", ColumnType.BIGINT));

    /**
     * A mounted file system's space, by mount point: free counts the blocks reserved for root,
     * available does not (df's "Avail"). No inode counts: the JDK's statvfs does not expose them.
     */
    public static final ColumnType FILE_SYSTEMS = ColumnType.mapOf(ColumnType.structOf(
            "device", ColumnType.STRING,
            "type", ColumnType.STRING,
            "total_bytes", ColumnType.BIGINT,
            "free_bytes", ColumnType.BIGINT,
            "available_bytes", ColumnType.BIGINT));

    /**
     * An application metric from an MBean (a built-in set or a {@code jmx_config} rule), keyed by its
     * series: the name, then the labels in order, {@code name{k=v,k=v}}. {@code type} is
     * {@code counter} (the value is the increase over the interval), {@code gauge} or {@code untyped}
     * (the value at the sample).
     */
    public static final ColumnType APP_METRICS = ColumnType.mapOf(ColumnType.structOf(
            "name", ColumnType.STRING,
            "labels", ColumnType.STRING_MAP,
            "type", ColumnType.STRING,
            "value", ColumnType.DOUBLE));

    private NestedTypes() {
    }
}
