package io.roxxane.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field a sample may carry, in the order the writer emits them. This is the one list:
 * the agent's writer, the transform's validation, the provisioner's Glue table and the
 * CloudFormation template are all tested against it.
 *
 * <p>Adding a column: append it here (never reorder or rename; a rename is a new column plus
 * a deprecation), bump {@link Schema#VERSION} if its meaning changes, and the tests of every
 * consumer tell you what else must follow.
 */
public enum Column {
    // identity
    TS("ts", ColumnType.BIGINT, "ms", MetricKind.IDENTITY, "Sample time, epoch milliseconds UTC"),
    SERVICE("service", ColumnType.STRING, "", MetricKind.IDENTITY,
            "Service name as configured; the partition key 'service' is its sanitised form"),
    HOST("host", ColumnType.STRING, "", MetricKind.IDENTITY, "Host name"),
    PID("pid", ColumnType.BIGINT, "", MetricKind.IDENTITY, "Process id of the JVM"),
    INSTANCE_ID("instance_id", ColumnType.STRING, "", MetricKind.IDENTITY, "Unique per agent start"),
    SEQ("seq", ColumnType.BIGINT, "", MetricKind.IDENTITY, "Sample number, +1 per sample per instance_id, from 0"),
    INTERVAL_MS("interval_ms", ColumnType.BIGINT, "ms", MetricKind.IDENTITY, "Configured collection interval"),
    JVM_VERSION("jvm_version", ColumnType.STRING, "", MetricKind.IDENTITY, "java.runtime.version of the JVM"),
    AGENT_VERSION("agent_version", ColumnType.STRING, "", MetricKind.IDENTITY, "Roxxane agent version"),
    SCHEMA_VERSION("schema_version", ColumnType.INT, "", MetricKind.IDENTITY, "Version of this schema"),
    TAGS("tags", ColumnType.STRING_MAP, "", MetricKind.IDENTITY, "User tags from the 'tags' setting"),
    ARRIVAL_TS("arrival_ts", ColumnType.BIGINT, "ms", MetricKind.IDENTITY,
            "When Firehose received the record, epoch ms UTC; set by the transform, absent in local files"),

    // host (OSHI)
    HOST_CPU_UTILIZATION("host_cpu_utilization", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE,
            "Busy fraction of all logical CPUs over the interval, 0..1"),
    HOST_LOAD_1M("host_load_1m", ColumnType.DOUBLE, "", MetricKind.GAUGE, "Load average, 1 minute"),
    HOST_LOAD_5M("host_load_5m", ColumnType.DOUBLE, "", MetricKind.GAUGE, "Load average, 5 minutes"),
    HOST_LOAD_15M("host_load_15m", ColumnType.DOUBLE, "", MetricKind.GAUGE, "Load average, 15 minutes"),
    HOST_CPU_COUNT("host_cpu_count", ColumnType.INT, "count", MetricKind.GAUGE, "Logical CPUs"),
    HOST_MEMORY_TOTAL_BYTES("host_memory_total_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE, "Physical memory"),
    HOST_MEMORY_AVAILABLE_BYTES("host_memory_available_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Memory available to new work without swapping"),
    HOST_SWAP_TOTAL_BYTES("host_swap_total_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE, "Swap size"),
    HOST_SWAP_USED_BYTES("host_swap_used_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE, "Swap in use"),
    HOST_NET_RX_BYTES("host_net_rx_bytes", ColumnType.BIGINT, "bytes", MetricKind.DELTA,
            "Bytes received on all non-loopback interfaces"),
    HOST_NET_TX_BYTES("host_net_tx_bytes", ColumnType.BIGINT, "bytes", MetricKind.DELTA,
            "Bytes sent on all non-loopback interfaces"),
    HOST_NET_RX_PACKETS("host_net_rx_packets", ColumnType.BIGINT, "count", MetricKind.DELTA,
            "Packets received on all non-loopback interfaces"),
    HOST_NET_TX_PACKETS("host_net_tx_packets", ColumnType.BIGINT, "count", MetricKind.DELTA,
            "Packets sent on all non-loopback interfaces"),
    HOST_DISK_READ_BYTES("host_disk_read_bytes", ColumnType.BIGINT, "bytes", MetricKind.DELTA, "Bytes read from whole disks"),
    HOST_DISK_WRITE_BYTES("host_disk_write_bytes", ColumnType.BIGINT, "bytes", MetricKind.DELTA, "Bytes written to whole disks"),
    HOST_DISK_READS("host_disk_reads", ColumnType.BIGINT, "count", MetricKind.DELTA, "Read operations on whole disks"),
    HOST_DISK_WRITES("host_disk_writes", ColumnType.BIGINT, "count", MetricKind.DELTA, "Write operations on whole disks"),
    HOST_FS_ROOT_TOTAL_BYTES("host_fs_root_total_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Size of the file system mounted at /"),
    HOST_FS_ROOT_FREE_BYTES("host_fs_root_free_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Free space on the file system mounted at /"),
    HOST_UPTIME_S("host_uptime_s", ColumnType.BIGINT, "s", MetricKind.GAUGE, "Host uptime"),
    CONTAINER_CPU_LIMIT("container_cpu_limit", ColumnType.DOUBLE, "cores", MetricKind.GAUGE,
            "cgroup CPU quota in cores; absent when unlimited or not in a container"),
    CONTAINER_MEMORY_LIMIT_BYTES("container_memory_limit_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "cgroup memory limit; absent when unlimited or not in a container"),

    // process
    PROCESS_CPU_UTILIZATION("process_cpu_utilization", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE,
            "CPU used by this JVM over the interval, as a fraction of all logical CPUs, 0..1"),
    PROCESS_CPU_TIME_MS("process_cpu_time_ms", ColumnType.BIGINT, "ms", MetricKind.DELTA,
            "CPU time used by this JVM over the interval"),
    PROCESS_RSS_BYTES("process_rss_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE, "Resident set size"),
    PROCESS_OPEN_FDS("process_open_fds", ColumnType.BIGINT, "count", MetricKind.GAUGE, "Open file descriptors"),
    PROCESS_MAX_FDS("process_max_fds", ColumnType.BIGINT, "count", MetricKind.GAUGE, "File descriptor limit"),

    // JVM memory
    JVM_HEAP_USED_BYTES("jvm_heap_used_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE, "Heap in use"),
    JVM_HEAP_COMMITTED_BYTES("jvm_heap_committed_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE, "Heap committed"),
    JVM_HEAP_MAX_BYTES("jvm_heap_max_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE, "Heap limit; absent if undefined"),
    JVM_NONHEAP_USED_BYTES("jvm_nonheap_used_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE, "Non-heap in use"),
    JVM_NONHEAP_COMMITTED_BYTES("jvm_nonheap_committed_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Non-heap committed"),
    JVM_METASPACE_USED_BYTES("jvm_metaspace_used_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE, "Metaspace in use"),
    JVM_METASPACE_COMMITTED_BYTES("jvm_metaspace_committed_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Metaspace committed"),
    JVM_BUFFER_DIRECT_BYTES("jvm_buffer_direct_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Memory used by direct byte buffers"),
    JVM_BUFFER_DIRECT_COUNT("jvm_buffer_direct_count", ColumnType.BIGINT, "count", MetricKind.GAUGE, "Direct byte buffers"),
    JVM_BUFFER_MAPPED_BYTES("jvm_buffer_mapped_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Memory used by mapped byte buffers"),
    JVM_BUFFER_MAPPED_COUNT("jvm_buffer_mapped_count", ColumnType.BIGINT, "count", MetricKind.GAUGE, "Mapped byte buffers"),

    // garbage collection
    JVM_GC_YOUNG_COUNT("jvm_gc_young_count", ColumnType.BIGINT, "count", MetricKind.DELTA, "Young collections"),
    JVM_GC_YOUNG_TIME_MS("jvm_gc_young_time_ms", ColumnType.BIGINT, "ms", MetricKind.DELTA, "Time in young collections"),
    JVM_GC_OLD_COUNT("jvm_gc_old_count", ColumnType.BIGINT, "count", MetricKind.DELTA,
            "Old, full, mixed-to-full and concurrent-cycle collections"),
    JVM_GC_OLD_TIME_MS("jvm_gc_old_time_ms", ColumnType.BIGINT, "ms", MetricKind.DELTA,
            "Time in old, full and concurrent-cycle collections"),
    JVM_GC_MAX_PAUSE_MS("jvm_gc_max_pause_ms", ColumnType.BIGINT, "ms", MetricKind.GAUGE,
            "Longest single collection in the interval (GC notifications); absent where the JVM offers none"),

    // threads, classes, allocation, uptime
    JVM_THREADS_LIVE("jvm_threads_live", ColumnType.INT, "count", MetricKind.GAUGE, "Live threads"),
    JVM_THREADS_DAEMON("jvm_threads_daemon", ColumnType.INT, "count", MetricKind.GAUGE, "Live daemon threads"),
    JVM_THREADS_PEAK("jvm_threads_peak", ColumnType.INT, "count", MetricKind.GAUGE, "Peak live threads since JVM start"),
    JVM_THREADS_DEADLOCKED("jvm_threads_deadlocked", ColumnType.INT, "count", MetricKind.GAUGE,
            "Threads in a monitor or synchronizer deadlock"),
    JVM_CLASSES_LOADED("jvm_classes_loaded", ColumnType.BIGINT, "count", MetricKind.GAUGE, "Classes currently loaded"),
    JVM_CLASSES_UNLOADED("jvm_classes_unloaded", ColumnType.BIGINT, "count", MetricKind.DELTA,
            "Classes unloaded in the interval"),
    JVM_ALLOCATED_BYTES("jvm_allocated_bytes", ColumnType.BIGINT, "bytes", MetricKind.DELTA,
            "Heap allocated by all threads in the interval; absent where the JVM cannot tell"),
    JVM_UPTIME_MS("jvm_uptime_ms", ColumnType.BIGINT, "ms", MetricKind.GAUGE, "JVM uptime"),

    // the agent itself
    AGENT_COLLECT_US("agent_collect_us", ColumnType.BIGINT, "us", MetricKind.GAUGE,
            "Wall time spent collecting this sample"),
    AGENT_DROPPED_SAMPLES("agent_dropped_samples", ColumnType.BIGINT, "count", MetricKind.CUMULATIVE,
            "Samples dropped since the agent started (buffer full, sink failed)"),
    AGENT_SENT_RECORDS("agent_sent_records", ColumnType.BIGINT, "count", MetricKind.CUMULATIVE,
            "Records the sink delivered since the agent started"),
    AGENT_SENT_BYTES("agent_sent_bytes", ColumnType.BIGINT, "bytes", MetricKind.CUMULATIVE,
            "Bytes the sink delivered since the agent started"),
    AGENT_RETRIES("agent_retries", ColumnType.BIGINT, "count", MetricKind.CUMULATIVE,
            "Delivery attempts repeated since the agent started"),
    AGENT_FAILURES("agent_failures", ColumnType.BIGINT, "count", MetricKind.CUMULATIVE,
            "Failed delivery attempts since the agent started"),
    AGENT_DISABLED_COLLECTORS("agent_disabled_collectors", ColumnType.INT, "count", MetricKind.GAUGE,
            "Collectors switched off after a failure or for lack of support"),
    AGENT_SAMPLES_COLLECTED("agent_samples_collected", ColumnType.BIGINT, "count", MetricKind.CUMULATIVE,
            "Samples collected since the agent started, this one included"),
    AGENT_LAST_SUCCESS_TS("agent_last_success_ts", ColumnType.BIGINT, "ms", MetricKind.GAUGE,
            "When the sink last delivered, epoch milliseconds UTC; absent before the first delivery"),
    AGENT_LAST_ERROR("agent_last_error", ColumnType.STRING, "", MetricKind.GAUGE,
            "The sink's last delivery error, short; absent while there has been none"),
    AGENT_LAST_ERROR_TS("agent_last_error_ts", ColumnType.BIGINT, "ms", MetricKind.GAUGE,
            "When the sink's last delivery error happened, epoch milliseconds UTC; absent while there has been none");

    private static final Map<String, Column> BY_NAME;

    static {
        Map<String, Column> byName = new HashMap<String, Column>();
        for (Column column : values()) {
            byName.put(column.columnName, column);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private final String columnName;
    private final ColumnType type;
    private final String unit;
    private final MetricKind kind;
    private final String description;

    Column(String columnName, ColumnType type, String unit, MetricKind kind, String description) {
        this.columnName = columnName;
        this.type = type;
        this.unit = unit;
        this.kind = kind;
        this.description = description;
    }

    /** The snake_case JSON key and Glue column name. */
    public String columnName() {
        return columnName;
    }

    public ColumnType type() {
        return type;
    }

    /** Unit of the value ("bytes", "ms", "us", "s", "ratio", "cores", "count"), empty when none applies. */
    public String unit() {
        return unit;
    }

    public MetricKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /**
     * Whether the column is a data column of the Glue table. The sample's {@code service} is not:
     * its sanitised form is the partition key of the same name, and Glue forbids a partition key
     * that doubles as a data column.
     */
    public boolean isTableColumn() {
        return !PartitionRule.KEYS.contains(columnName);
    }

    /** The column with this JSON key, or null. */
    public static Column byName(String name) {
        return BY_NAME.get(name);
    }

    /** The columns of the Glue table, in order (every column but the partition keys). */
    public static List<Column> tableColumns() {
        List<Column> result = new ArrayList<Column>();
        for (Column column : values()) {
            if (column.isTableColumn()) {
                result.add(column);
            }
        }
        return Collections.unmodifiableList(result);
    }
}
