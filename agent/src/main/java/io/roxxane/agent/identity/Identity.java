package io.roxxane.agent.identity;

import io.roxxane.schema.Column;
import io.roxxane.schema.Schema;
import io.roxxane.agent.sample.Sample;
import java.io.File;
import java.net.InetAddress;
import java.util.Map;
import java.util.UUID;

/** Who this agent is: the identity fields every sample carries. */
public final class Identity {
    private final String service;
    private final String host;
    private final long pid;
    private final String instanceId;
    private final String jvmVersion;
    private final Map<String, String> tags;
    private final long intervalMillis;

    public Identity(String service, String host, long pid, String instanceId, String jvmVersion,
            Map<String, String> tags, long intervalMillis) {
        this.service = service;
        this.host = host;
        this.pid = pid;
        this.instanceId = instanceId;
        this.jvmVersion = jvmVersion;
        this.tags = tags;
        this.intervalMillis = intervalMillis;
    }

    /** The identity of this JVM; {@code configuredService} wins, else it is derived. */
    public static Identity ofThisJvm(String configuredService, Map<String, String> tags, long intervalMillis) {
        String service = configuredService != null ? configuredService : deriveService(System.getProperty("sun.java.command"));
        String jvmVersion = System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown"));
        return new Identity(service, hostName(), ProcessId.current(), UUID.randomUUID().toString(), jvmVersion, tags, intervalMillis);
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


    /** Writes the identity columns (all but {@code ts} and {@code seq}). */
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
