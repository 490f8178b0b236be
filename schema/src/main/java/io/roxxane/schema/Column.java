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
    PROCESS_OPEN_FDS("process_open_fds", ColumnType.BIGINT, "count", MetricKind.GAUGE,
            "Open file descriptors, counted every 10th sample while under half the limit, every sample above"),
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
            "When the sink's last delivery error happened, epoch milliseconds UTC; absent while there has been none"),

    // ---- schema 2: JVM depth ----
    JVM_MEMORY_POOLS("jvm_memory_pools", NestedTypes.MEMORY_POOLS, "", MetricKind.GAUGE,
            "Every memory pool by its own name: heap or not, used, committed, max (absent where undefined) and, for heap pools, used after the pool's last collection (absent until the JVM records one), bytes"),
    JVM_GC_PAUSES("jvm_gc_pauses", NestedTypes.GC_ACTIVITY, "", MetricKind.DELTA,
            "Every collector that pauses the application, by its own name: collections and their time in the interval"),
    JVM_GC_CONCURRENT("jvm_gc_concurrent", NestedTypes.GC_ACTIVITY, "", MetricKind.DELTA,
            "Every concurrent-cycle collector by its own name, as its MXBean counts in the interval: whole cycles for ZGC and Shenandoah; G1 Concurrent GC (JDK 20+) counts its cycles' Remark and Cleanup pauses"),
    JVM_CODE_CACHE_USED_BYTES("jvm_code_cache_used_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Code cache in use, all code heaps"),
    JVM_JIT_TIME_MS("jvm_jit_time_ms", ColumnType.BIGINT, "ms", MetricKind.DELTA,
            "Time the JIT compilers spent compiling in the interval"),
    JVM_THREADS_RUNNABLE("jvm_threads_runnable", ColumnType.INT, "count", MetricKind.GAUGE, "Platform threads RUNNABLE"),
    JVM_THREADS_BLOCKED("jvm_threads_blocked", ColumnType.INT, "count", MetricKind.GAUGE, "Platform threads BLOCKED on a monitor"),
    JVM_THREADS_WAITING("jvm_threads_waiting", ColumnType.INT, "count", MetricKind.GAUGE, "Platform threads WAITING"),
    JVM_THREADS_TIMED_WAITING("jvm_threads_timed_waiting", ColumnType.INT, "count", MetricKind.GAUGE,
            "Platform threads TIMED_WAITING"),
    JVM_VIRTUAL_THREADS_MOUNTED("jvm_virtual_threads_mounted", ColumnType.INT, "count", MetricKind.GAUGE,
            "Virtual threads mounted on a carrier; null where the JDK does not say (before 24)"),
    JVM_VIRTUAL_THREADS_QUEUED("jvm_virtual_threads_queued", ColumnType.BIGINT, "count", MetricKind.GAUGE,
            "Virtual threads queued to the scheduler; null where the JDK does not say (before 24)"),
    JVM_VIRTUAL_THREADS_CARRIERS("jvm_virtual_threads_carriers", ColumnType.INT, "count", MetricKind.GAUGE,
            "Carrier threads of the virtual-thread scheduler; null where the JDK does not say (before 24)"),

    // ---- schema 2: host depth ----
    HOST_CPU_USER("host_cpu_user", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE, "CPU time in user mode, fraction of all CPUs over the interval"),
    HOST_CPU_NICE("host_cpu_nice", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE, "CPU time in user mode at low priority (nice)"),
    HOST_CPU_SYSTEM("host_cpu_system", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE, "CPU time in the kernel"),
    HOST_CPU_IDLE("host_cpu_idle", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE, "CPU time idle"),
    HOST_CPU_IOWAIT("host_cpu_iowait", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE, "CPU time idle while I/O was outstanding"),
    HOST_CPU_IRQ("host_cpu_irq", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE, "CPU time serving hardware interrupts"),
    HOST_CPU_SOFTIRQ("host_cpu_softirq", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE, "CPU time serving software interrupts"),
    HOST_CPU_STEAL("host_cpu_steal", ColumnType.DOUBLE, "ratio", MetricKind.GAUGE, "CPU time taken by the hypervisor for others"),
    HOST_PRESSURE_CPU_SOME_AVG10("host_pressure_cpu_some_avg10", ColumnType.DOUBLE, "percent", MetricKind.GAUGE,
            "Pressure stall (PSI): share of the last 10 s some task waited for CPU, percent; null without /proc/pressure"),
    HOST_PRESSURE_CPU_SOME_STALL_US("host_pressure_cpu_some_stall_us", ColumnType.BIGINT, "us", MetricKind.DELTA,
            "PSI: time some task waited for CPU in the interval"),
    HOST_PRESSURE_MEMORY_SOME_AVG10("host_pressure_memory_some_avg10", ColumnType.DOUBLE, "percent", MetricKind.GAUGE,
            "PSI: share of the last 10 s some task waited for memory, percent"),
    HOST_PRESSURE_MEMORY_FULL_AVG10("host_pressure_memory_full_avg10", ColumnType.DOUBLE, "percent", MetricKind.GAUGE,
            "PSI: share of the last 10 s all non-idle tasks waited for memory, percent"),
    HOST_PRESSURE_MEMORY_SOME_STALL_US("host_pressure_memory_some_stall_us", ColumnType.BIGINT, "us", MetricKind.DELTA,
            "PSI: time some task waited for memory in the interval"),
    HOST_PRESSURE_MEMORY_FULL_STALL_US("host_pressure_memory_full_stall_us", ColumnType.BIGINT, "us", MetricKind.DELTA,
            "PSI: time all non-idle tasks waited for memory in the interval"),
    HOST_PRESSURE_IO_SOME_AVG10("host_pressure_io_some_avg10", ColumnType.DOUBLE, "percent", MetricKind.GAUGE,
            "PSI: share of the last 10 s some task waited for I/O, percent"),
    HOST_PRESSURE_IO_FULL_AVG10("host_pressure_io_full_avg10", ColumnType.DOUBLE, "percent", MetricKind.GAUGE,
            "PSI: share of the last 10 s all non-idle tasks waited for I/O, percent"),
    HOST_PRESSURE_IO_SOME_STALL_US("host_pressure_io_some_stall_us", ColumnType.BIGINT, "us", MetricKind.DELTA,
            "PSI: time some task waited for I/O in the interval"),
    HOST_PRESSURE_IO_FULL_STALL_US("host_pressure_io_full_stall_us", ColumnType.BIGINT, "us", MetricKind.DELTA,
            "PSI: time all non-idle tasks waited for I/O in the interval"),
    HOST_NETWORK_INTERFACES("host_network_interfaces", NestedTypes.NETWORK_INTERFACES, "", MetricKind.DELTA,
            "Every network interface but loopback, by name: bytes, packets, errors and drops in the interval"),
    HOST_DISKS("host_disks", NestedTypes.DISKS, "", MetricKind.DELTA,
            "Every whole block device, by name: bytes, operations and busy time in the interval"),
    HOST_FILE_SYSTEMS("host_file_systems", NestedTypes.FILE_SYSTEMS, "", MetricKind.GAUGE,
            "Every real mounted file system (no pseudo file systems), by mount point: device, type and space"),
    HOST_TCP_RETRANSMITS("host_tcp_retransmits", ColumnType.BIGINT, "count", MetricKind.DELTA,
            "TCP segments retransmitted in the interval"),
    HOST_TCP_ESTABLISHED("host_tcp_established", ColumnType.BIGINT, "count", MetricKind.GAUGE,
            "TCP connections ESTABLISHED or CLOSE_WAIT"),
    HOST_TCP_TIME_WAIT("host_tcp_time_wait", ColumnType.BIGINT, "count", MetricKind.GAUGE, "TCP sockets in TIME_WAIT"),
    HOST_TCP_IN_USE("host_tcp_in_use", ColumnType.BIGINT, "count", MetricKind.GAUGE, "TCP sockets in use (any state but TIME_WAIT)"),
    HOST_TCP_ORPHANS("host_tcp_orphans", ColumnType.BIGINT, "count", MetricKind.GAUGE, "TCP sockets no process holds"),

    // ---- schema 2: container (cgroup v1 and v2) ----
    CONTAINER_CPU_USAGE_MS("container_cpu_usage_ms", ColumnType.BIGINT, "ms", MetricKind.DELTA,
            "CPU time the container used in the interval; null outside a cgroup with a CPU controller"),
    CONTAINER_CPU_PERIODS("container_cpu_periods", ColumnType.BIGINT, "count", MetricKind.DELTA,
            "CFS enforcement periods elapsed in the interval"),
    CONTAINER_CPU_THROTTLED_PERIODS("container_cpu_throttled_periods", ColumnType.BIGINT, "count", MetricKind.DELTA,
            "Periods in which the container was throttled, in the interval"),
    CONTAINER_CPU_THROTTLED_MS("container_cpu_throttled_ms", ColumnType.BIGINT, "ms", MetricKind.DELTA,
            "Time the container was throttled in the interval"),
    CONTAINER_MEMORY_USAGE_BYTES("container_memory_usage_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Memory the container uses, page cache included"),
    CONTAINER_MEMORY_WORKING_SET_BYTES("container_memory_working_set_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Usage less inactive file pages, as the kubelet counts it for eviction and OOM"),
    CONTAINER_MEMORY_PEAK_BYTES("container_memory_peak_bytes", ColumnType.BIGINT, "bytes", MetricKind.GAUGE,
            "Highest memory usage recorded for the container; null where the kernel does not keep it"),
    CONTAINER_OOM_KILLS("container_oom_kills", ColumnType.BIGINT, "count", MetricKind.DELTA,
            "Processes the OOM killer killed in the container in the interval"),
    CONTAINER_PIDS_CURRENT("container_pids_current", ColumnType.BIGINT, "count", MetricKind.GAUGE,
            "Processes and threads in the container"),
    CONTAINER_PIDS_MAX("container_pids_max", ColumnType.BIGINT, "count", MetricKind.GAUGE,
            "Limit on processes and threads; null when unlimited"),

    // ---- schema 2: where the row comes from (OpenTelemetry resource conventions) ----
    CLOUD_PROVIDER("cloud_provider", ColumnType.STRING, "", MetricKind.IDENTITY, "aws when detected on AWS"),
    CLOUD_PLATFORM("cloud_platform", ColumnType.STRING, "", MetricKind.IDENTITY, "aws_ec2, aws_ecs or aws_eks"),
    CLOUD_REGION("cloud_region", ColumnType.STRING, "", MetricKind.IDENTITY, "Region of the instance or task"),
    CLOUD_AVAILABILITY_ZONE("cloud_availability_zone", ColumnType.STRING, "", MetricKind.IDENTITY, "Availability zone"),
    CLOUD_ACCOUNT_ID("cloud_account_id", ColumnType.STRING, "", MetricKind.IDENTITY, "AWS account id"),
    HOST_ID("host_id", ColumnType.STRING, "", MetricKind.IDENTITY, "EC2 instance id"),
    HOST_TYPE("host_type", ColumnType.STRING, "", MetricKind.IDENTITY, "EC2 instance type"),
    HOST_IMAGE_ID("host_image_id", ColumnType.STRING, "", MetricKind.IDENTITY, "AMI id of the instance"),
    AWS_ECS_CLUSTER_ARN("aws_ecs_cluster_arn", ColumnType.STRING, "", MetricKind.IDENTITY, "ECS cluster ARN"),
    AWS_ECS_TASK_ARN("aws_ecs_task_arn", ColumnType.STRING, "", MetricKind.IDENTITY, "ECS task ARN"),
    AWS_ECS_TASK_FAMILY("aws_ecs_task_family", ColumnType.STRING, "", MetricKind.IDENTITY, "ECS task definition family"),
    AWS_ECS_TASK_REVISION("aws_ecs_task_revision", ColumnType.STRING, "", MetricKind.IDENTITY, "ECS task definition revision"),
    AWS_ECS_LAUNCHTYPE("aws_ecs_launchtype", ColumnType.STRING, "", MetricKind.IDENTITY, "ec2 or fargate"),
    CONTAINER_NAME("container_name", ColumnType.STRING, "", MetricKind.IDENTITY, "Container name (ECS, or container.name)"),
    K8S_NAMESPACE_NAME("k8s_namespace_name", ColumnType.STRING, "", MetricKind.IDENTITY, "Kubernetes namespace"),
    K8S_POD_NAME("k8s_pod_name", ColumnType.STRING, "", MetricKind.IDENTITY, "Kubernetes pod"),
    K8S_NODE_NAME("k8s_node_name", ColumnType.STRING, "", MetricKind.IDENTITY, "Kubernetes node"),
    K8S_CONTAINER_NAME("k8s_container_name", ColumnType.STRING, "", MetricKind.IDENTITY, "Container name in the pod spec"),
    RESOURCE_ATTRIBUTES("resource_attributes", ColumnType.STRING_MAP, "", MetricKind.IDENTITY,
            "Every other OTEL_RESOURCE_ATTRIBUTES key, as given"),

    // ---- schema 2: the agent under stress ----
    AGENT_DISTRESS("agent_distress", ColumnType.STRING, "", MetricKind.GAUGE,
            "Why this sample was sent at once (heap after GC, GC time, container memory, file descriptors, threads, a low-memory notification); null when all is calm"),
    AGENT_SPOOL_FAILED_WRITES("agent_spool_failed_writes", ColumnType.BIGINT, "count", MetricKind.CUMULATIVE,
            "Samples the spool could not write (a full disk) since the agent started; kept in memory instead"),
    AGENT_SPOOL_DAMAGED("agent_spool_damaged", ColumnType.BIGINT, "count", MetricKind.CUMULATIVE,
            "Damaged stretches of spool files (a torn tail, corruption) skipped since the agent started"),
    AGENT_SPOOL_RECOVERED("agent_spool_recovered", ColumnType.BIGINT, "count", MetricKind.CUMULATIVE,
            "Samples taken over from spools that stopped agents left, since the agent started"),

    // ---- schema 2: the application's MBeans ----
    APP_METRICS("app_metrics", NestedTypes.APP_METRICS, "", MetricKind.GAUGE,
            "The application's MBean figures (Tomcat, Jetty, HikariCP, Kafka sets; jmx_config rules) by series name{labels}: name, labels, type, value (a counter's increase over the interval, a gauge's value)"),
    AGENT_JMX_SKIPPED("agent_jmx_skipped", ColumnType.BIGINT, "count", MetricKind.GAUGE,
            "MBean attributes not read for this sample (getter still running, over the time budget, failed, or past jmx_max_mbeans) plus values cut past jmx_max_values");

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

    /** Unit of the value ("bytes", "ms", "us", "s", "ratio", "percent", "cores", "count"), empty when none applies. */
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

    /** The schema version that added this column: 1, or 2 for {@link #JVM_MEMORY_POOLS} and every column after it. */
    public int sinceVersion() {
        return ordinal() >= JVM_MEMORY_POOLS.ordinal() ? 2 : 1;
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
