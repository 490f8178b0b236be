package io.roxxane.agent.identity;

import io.roxxane.agent.identity.context.ContextDetection;
import io.roxxane.agent.identity.context.FleetContext;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import io.roxxane.schema.Schema;
import java.io.File;
import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;

/**
 * Who this agent is: the identity fields every sample carries, and the fleet context (cloud, ECS,
 * Kubernetes) as far as it is known when the sample is taken.
 */
public final class Identity {
    private final String service;
    private final String host;
    private final long pid;
    private final String instanceId;
    private final String jvmVersion;
    private final Map<String, String> tags;
    private final long intervalMillis;
    private final ContextDetection context;

    public Identity(String service, String host, long pid, String instanceId, String jvmVersion,
            Map<String, String> tags, long intervalMillis) {
        this(service, host, pid, instanceId, jvmVersion, tags, intervalMillis, ContextDetection.off());
    }

    Identity(String service, String host, long pid, String instanceId, String jvmVersion,
            Map<String, String> tags, long intervalMillis, ContextDetection context) {
        this.service = service;
        this.host = host;
        this.pid = pid;
        this.instanceId = instanceId;
        this.jvmVersion = jvmVersion;
        this.tags = tags;
        this.intervalMillis = intervalMillis;
        this.context = context;
    }

    /** The identity of this JVM without fleet context; {@code configuredService} wins, else it is derived. */
    public static Identity ofThisJvm(String configuredService, Map<String, String> tags, long intervalMillis) {
        return ofThisJvm(configuredService, tags, intervalMillis, ContextDetection.off());
    }

    /**
     * The identity of this JVM; with {@code detectContext}, fleet context detection starts (it
     * returns at once; see {@link ContextDetection}). The service name, highest first:
     * {@code configuredService} (the {@code service} setting), {@code OTEL_SERVICE_NAME},
     * {@code service.name} in {@code OTEL_RESOURCE_ATTRIBUTES}, derived from the command line.
     */
    public static Identity ofThisJvm(String configuredService, Map<String, String> tags, long intervalMillis,
            boolean detectContext) {
        return ofThisJvm(configuredService, tags, intervalMillis, detectContext, newInstanceId());
    }

    /** As above, for the instance id the agent already gave its sink (the spool names its files by it). */
    public static Identity ofThisJvm(String configuredService, Map<String, String> tags, long intervalMillis,
            boolean detectContext, String instanceId) {
        return ofThisJvm(configuredService, tags, intervalMillis,
                detectContext ? ContextDetection.startInThisJvm() : ContextDetection.off(), instanceId);
    }

    /** A new, unique agent instance id (a random UUID). */
    public static String newInstanceId() {
        return UUID.randomUUID().toString();
    }

    static Identity ofThisJvm(String configuredService, Map<String, String> tags, long intervalMillis,
            ContextDetection context) {
        return ofThisJvm(configuredService, tags, intervalMillis, context, newInstanceId());
    }

    static Identity ofThisJvm(String configuredService, Map<String, String> tags, long intervalMillis,
            ContextDetection context, String instanceId) {
        String service = configuredService != null ? configuredService
                : context.serviceName() != null ? context.serviceName()
                : deriveService(System.getProperty("sun.java.command"));
        String jvmVersion = System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown"));
        return new Identity(service, hostName(), ProcessId.current(), instanceId, jvmVersion, tags,
                intervalMillis, context);
    }

    /**
     * The service name derived from the JVM's command ({@code sun.java.command}): a jar's file
     * name without {@code .jar} and a version suffix, or a main class's simple name; "java" if
     * neither is known.
     */
    static String deriveService(String javaCommand) {
        if (javaCommand == null || javaCommand.trim().isEmpty()) {
            return "java";
        }
        String first = javaCommand.trim().split("\\s+")[0];
        if (first.endsWith(".jar")) {
            String name = new File(first).getName();
            name = name.substring(0, name.length() - ".jar".length());
            return name.replaceFirst("-\\d+(\\.\\d+)*([-.][A-Za-z0-9]+)*$", "");
        }
        int dot = first.lastIndexOf('.');
        String simple = dot >= 0 ? first.substring(dot + 1) : first;
        return simple.isEmpty() ? "java" : simple;
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * Writes the identity columns (all but {@code ts} and {@code seq}), the fleet context columns
     * among them as far as they are known now.
     */
    public void writeTo(Sample sample) {
        sample.set(Column.SERVICE, service)
                .set(Column.HOST, host)
                .set(Column.PID, pid)
                .set(Column.INSTANCE_ID, instanceId)
                .set(Column.INTERVAL_MS, intervalMillis)
                .set(Column.JVM_VERSION, jvmVersion)
                .set(Column.AGENT_VERSION, AgentVersion.get())
                .set(Column.SCHEMA_VERSION, Schema.VERSION);
        if (!tags.isEmpty()) {
            sample.set(Column.TAGS, tags);
        }
        context.current().writeTo(sample);
    }

    /** The fleet context known now. */
    public FleetContext fleetContext() {
        return context.current();
    }

    public String service() {
        return service;
    }

    public String host() {
        return host;
    }

    public long pid() {
        return pid;
    }

    public String instanceId() {
        return instanceId;
    }
}
