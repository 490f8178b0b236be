package io.roxxane.agent.config;

import java.util.Locale;

/**
 * The settings table: every key the agent understands, its default and what it allows. A key is
 * the same in every form: agent argument {@code key=value}, system property
 * {@code -Droxxane.key=value}, environment variable {@code ROXXANE_KEY}.
 */
public enum Setting {
    SERVICE("service", null, "a service name (any text; sanitised for paths)",
            "Service name; default: the main class or jar of the JVM"),
    TAGS("tags", "", "key:value pairs separated by ';', e.g. env:prod;team:payments",
            "Tags added to every sample"),
    INTERVAL("interval", "10s", Range.millis(1_000, 24 * 3_600_000L), "e.g. 1s, 10s, 1m",
            "Time between samples"),
    SINK("sink", null, "one of file, firehose, log",
            "Where samples go; default: firehose when 'stream' is set, else file"),
    DIR("dir", "./roxxane-data", "a writable directory path",
            "Root directory of the local file sink"),
    ROLL_SIZE("roll_size", "8MiB", Range.bytes(64L << 10, 1L << 30), "e.g. 8MiB",
            "File sink: close a file once it holds this many bytes before compression"),
    ROLL_TIME("roll_time", "5m", Range.millis(1_000, 3_600_000L), "e.g. 5m",
            "File sink: close a file once it is this old (files also close at each hour)"),
    MAX_DISK("max_disk", "512MiB", Range.bytes(1L << 20, Long.MAX_VALUE), "e.g. 512MiB, 2GiB",
            "File sink: total size cap; the oldest closed files are deleted first"),
    STREAM("stream", null, "a Firehose stream name: 1-64 characters of a-z A-Z 0-9 _ . -",
            "Firehose delivery stream; setting it selects the firehose sink"),
    REGION("region", null, "an AWS region name, e.g. eu-west-1",
            "AWS region; default: the SDK's chain (AWS_REGION, profile, instance metadata)"),
    ENDPOINT("endpoint", null, "an http:// or https:// URL",
            "Firehose endpoint; default: AWS_ENDPOINT_URL_FIREHOSE / AWS_ENDPOINT_URL, else AWS's"),
    FLUSH("flush", "60s", Range.millis(1_000, 15 * 60_000L), "e.g. 60s",
            "Firehose sink: longest time a sample waits before it is sent"),
    BUFFER("buffer", "16MiB", Range.bytes(1L << 20, 1L << 30), "e.g. 16MiB",
            "Firehose sink: memory bound on buffered samples; the oldest are dropped past it"),
    SPOOL("spool", null, "a writable directory path",
            "Firehose sink: directory where unsent samples wait, also across restarts; default: none"),
    SPOOL_MAX("spool_max", "256MiB", Range.bytes(1L << 20, Long.MAX_VALUE), "e.g. 256MiB",
            "Firehose sink: size cap of the spool directory"),
    SHUTDOWN_TIMEOUT("shutdown_timeout", "5s", Range.millis(0, 60_000L), "e.g. 5s",
            "Longest time JVM shutdown waits for the last samples to be delivered"),
    CONTEXT("context", "auto", "one of auto, off",
            "Fleet context (cloud, ECS, Kubernetes, OTEL_* variables): auto detects it once at start; off leaves it out"),
    JMX_CONFIG("jmx_config", null, "a jmx_exporter rules file (YAML) the JVM can read",
            "Application MBeans read by the rules of this jmx_exporter file, into app_metrics; default: none"),
    JMX_SETS("jmx_sets", "all", "all, off, or names separated by ';' among tomcat, jetty, hikaricp, kafka",
            "Built-in sets of application MBeans, each read where its MBeans exist; off reads none"),
    JMX_MAX_MBEANS("jmx_max_mbeans", "100", "a whole number from 1 to 10000",
            "At most this many application MBeans read per sample; the others are skipped and counted"),
    JMX_MAX_VALUES("jmx_max_values", "250", "a whole number from 1 to 10000",
            "At most this many app_metrics values per sample; the others are left out and counted");

    private final String key;
    private final String defaultValue;
    private final Range range;
    private final String allowed;
    private final String description;

    /** A setting whose values are described in words, checked by {@link ConfigResolver}. */
    Setting(String key, String defaultValue, String allowed, String description) {
        this(key, defaultValue, null, allowed, description);
    }

    /** A duration or size setting: {@code range} is the one place its bounds are written. */
    Setting(String key, String defaultValue, Range range, String examples, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.range = range;
        this.allowed = range == null ? examples : range.describe() + ", " + examples;
        this.description = description;
    }

    /** The key in agent arguments. */
    public String key() {
        return key;
    }

    /** {@code roxxane.<key>}. */
    public String systemProperty() {
        return "roxxane." + key;
    }

    /** {@code ROXXANE_<KEY>}. */
    public String environmentVariable() {
        return "ROXXANE_" + key.toUpperCase(Locale.ROOT);
    }

    /** The default as text, or null when the default is derived or there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What a valid value looks like, for error messages. */
    public String allowed() {
        return allowed;
    }

    /** The bounds of a duration or size setting; null for the others. */
    Range range() {
        return range;
    }

    public String description() {
        return description;
    }

    /** The setting with this agent-argument key, or null. */
    public static Setting byKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        return null;
    }
}
