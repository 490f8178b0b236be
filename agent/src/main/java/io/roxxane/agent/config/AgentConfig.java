package io.roxxane.agent.config;

import io.roxxane.agent.collect.app.rules.RulesConfig;
import java.io.File;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The agent's validated configuration. Immutable; built by {@link ConfigResolver}. */
public final class AgentConfig {
    private final String service;
    private final Map<String, String> tags;
    private final long intervalMillis;
    private final SinkType sink;
    private final File dir;
    private final long rollSizeBytes;
    private final long rollTimeMillis;
    private final long maxDiskBytes;
    private final String stream;
    private final String region;
    private final URI endpoint;
    private final long flushMillis;
    private final long bufferBytes;
    private final File spoolDir;
    private final long spoolMaxBytes;
    private final long shutdownTimeoutMillis;
    private final boolean detectContext;
    private final RulesConfig jmxRules;
    private final List<String> jmxSets;
    private final int jmxMaxMBeans;
    private final int jmxMaxValues;
    private final List<String> warnings;

    AgentConfig(Builder b) {
        this.service = b.service;
        this.tags = Collections.unmodifiableMap(b.tags);
        this.intervalMillis = b.intervalMillis;
        this.sink = b.sink;
        this.dir = b.dir;
        this.rollSizeBytes = b.rollSizeBytes;
        this.rollTimeMillis = b.rollTimeMillis;
        this.maxDiskBytes = b.maxDiskBytes;
        this.stream = b.stream;
        this.region = b.region;
        this.endpoint = b.endpoint;
        this.flushMillis = b.flushMillis;
        this.bufferBytes = b.bufferBytes;
        this.spoolDir = b.spoolDir;
        this.spoolMaxBytes = b.spoolMaxBytes;
        this.shutdownTimeoutMillis = b.shutdownTimeoutMillis;
        this.detectContext = b.detectContext;
        this.jmxRules = b.jmxRules;
        this.jmxSets = Collections.unmodifiableList(b.jmxSets);
        this.jmxMaxMBeans = b.jmxMaxMBeans;
        this.jmxMaxValues = b.jmxMaxValues;
        this.warnings = Collections.unmodifiableList(b.warnings);
    }

    /** The configured service name, or null when it is to be derived from the JVM. */
    public String service() {
        return service;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public SinkType sink() {
        return sink;
    }

    public File dir() {
        return dir;
    }

    public long rollSizeBytes() {
        return rollSizeBytes;
    }

    public long rollTimeMillis() {
        return rollTimeMillis;
    }

    public long maxDiskBytes() {
        return maxDiskBytes;
    }

    /** The Firehose stream name, or null. */
    public String stream() {
        return stream;
    }

    /** The AWS region, or null for the SDK's chain. */
    public String region() {
        return region;
    }

    /** The Firehose endpoint override, or null for the SDK's own resolution. */
    public URI endpoint() {
        return endpoint;
    }

    public long flushMillis() {
        return flushMillis;
    }

    public long bufferBytes() {
        return bufferBytes;
    }

    /** The spool directory, or null when spooling is off. */
    public File spoolDir() {
        return spoolDir;
    }

    public long spoolMaxBytes() {
        return spoolMaxBytes;
    }

    public long shutdownTimeoutMillis() {
        return shutdownTimeoutMillis;
    }

    /** Whether the fleet context is detected at start ({@code context=auto}); false with {@code context=off}. */
    public boolean detectContext() {
        return detectContext;
    }

    /** The rules of {@code jmx_config}, read and checked at start; null when it is not set. */
    public RulesConfig jmxRules() {
        return jmxRules;
    }

    /** The built-in sets to read ({@code jmx_sets}); empty with {@code off}. */
    public List<String> jmxSets() {
        return jmxSets;
    }

    public int jmxMaxMBeans() {
        return jmxMaxMBeans;
    }

    public int jmxMaxValues() {
        return jmxMaxValues;
    }

    /** Problems that did not stop the agent (e.g. an unknown ROXXANE_ environment variable). */
    public List<String> warnings() {
        return warnings;
    }

    static final class Builder {
        String service;
        Map<String, String> tags;
        long intervalMillis;
        SinkType sink;
        File dir;
        long rollSizeBytes;
        long rollTimeMillis;
        long maxDiskBytes;
        String stream;
        String region;
        URI endpoint;
        long flushMillis;
        long bufferBytes;
        File spoolDir;
        long spoolMaxBytes;
        long shutdownTimeoutMillis;
        boolean detectContext;
        RulesConfig jmxRules;
        List<String> jmxSets;
        int jmxMaxMBeans;
        int jmxMaxValues;
        List<String> warnings;
    }
}
