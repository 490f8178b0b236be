package io.roxxane.agent.collect.app.builtin;

import static io.roxxane.agent.collect.app.builtin.Mapping.counter;
import static io.roxxane.agent.collect.app.builtin.Mapping.gauge;

import io.roxxane.agent.collect.app.BeanSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The built-in sets by name ({@code jmx_sets}). Metric and label names are the sources' own:
 * <ul>
 *   <li>{@code tomcat}: OpenTelemetry's {@code tomcat.yaml} (domains {@code Catalina} and, embedded,
 *   {@code Tomcat}), durations converted from ms to s as it does;</li>
 *   <li>{@code jetty}: OpenTelemetry's {@code jetty.yaml}, the thread pool (Jetty 9 to 12; its MBeans
 *   exist where the application adds Jetty's {@code MBeanContainer}), summed over pools as it does;</li>
 *   <li>{@code hikaricp}: OpenTelemetry's {@code db.client.connection.*} conventions (its HikariCP
 *   instrumentation), and HikariCP's own {@code hikaricp.connections} for the total, from the MBeans
 *   HikariCP registers with {@code registerMbeans=true};</li>
 *   <li>{@code kafka}: the OpenTelemetry jmx-scraper's {@code kafka-producer.yaml} and
 *   {@code kafka-consumer.yaml} at client level (per {@code client-id}), and Kafka's own
 *   {@code *-total} counters under the same prefixes.</li>
 * </ul>
 */
public final class BuiltinSets {
    public static final String TOMCAT = "tomcat";
    public static final String JETTY = "jetty";
    public static final String HIKARICP = "hikaricp";
    public static final String KAFKA = "kafka";
    /** Every set's name, in the order the sets are read. */
    public static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(TOMCAT, JETTY, HIKARICP, KAFKA));

    private static final double MS_TO_S = 0.001;

    private BuiltinSets() {
    }

    /** The sets with these names, in {@link #NAMES} order; an unknown name is an IllegalArgumentException. */
    public static List<BeanSource> named(Collection<String> names) {
        for (String name : names) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("no built-in set " + name);
            }
        }
        List<BeanSource> sets = new ArrayList<BeanSource>();
        for (String name : NAMES) {
            if (names.contains(name)) {
                sets.add(set(name));
            }
        }
        return sets;
    }

    static BuiltinSet set(String name) {
        if (TOMCAT.equals(name)) {
            return tomcat();
        } else if (JETTY.equals(name)) {
            return jetty();
        } else if (HIKARICP.equals(name)) {
            return hikaricp();
        }
        return kafka();
    }

    static BuiltinSet tomcat() {
        return new BuiltinSet(TOMCAT,
                new BeanRule(new String[] {"Catalina:type=GlobalRequestProcessor,name=*",
                        "Tomcat:type=GlobalRequestProcessor,name=*"},
                        counter("requestCount", "tomcat.request.count"),
                        counter("errorCount", "tomcat.error.count"),
                        gauge("maxTime", "tomcat.request.duration.max").scaled(MS_TO_S),
                        counter("processingTime", "tomcat.request.duration.sum").scaled(MS_TO_S),
                        counter("bytesReceived", "tomcat.network.io").label("network.io.direction", "receive"),
                        counter("bytesSent", "tomcat.network.io").label("network.io.direction", "transmit"))
                        .labelFromKey("tomcat.request.processor.name", "name"),
                new BeanRule(new String[] {"Catalina:type=ThreadPool,name=*", "Tomcat:type=ThreadPool,name=*"},
                        gauge("currentThreadCount", "tomcat.thread.count"),
                        gauge("currentThreadsBusy", "tomcat.thread.busy.count"),
                        gauge("maxThreads", "tomcat.thread.limit").droppingNegative())
                        .labelFromKey("tomcat.thread.pool.name", "name"),
                new BeanRule(new String[] {"Catalina:type=Manager,host=localhost,context=*",
                        "Tomcat:type=Manager,host=localhost,context=*"},
                        gauge("activeSessions", "tomcat.session.active.count"),
                        gauge("maxActiveSessions", "tomcat.session.active.limit").droppingNegative())
                        .labelFromKey("tomcat.context", "context"));
    }

    static BuiltinSet jetty() {
        return new BuiltinSet(JETTY,
                new BeanRule(new String[] {"org.eclipse.jetty.util.thread:type=queuedthreadpool,id=*",
                        "org.eclipse.jetty.util.thread:context=*,type=queuedthreadpool,id=*"},
                        gauge("threads", "jetty.thread.count"),
                        gauge("maxThreads", "jetty.thread.limit"),
                        gauge("idleThreads", "jetty.thread.idle.count"),
                        gauge("busyThreads", "jetty.thread.busy.count"),
                        gauge("queueSize", "jetty.thread.queue.size")));
    }

    static BuiltinSet hikaricp() {
        String pool = "db.client.connection.pool.name";
        String nameInType = "Pool \\((.*)\\)";
        String nameInConfigType = "PoolConfig \\((.*)\\)";
        return new BuiltinSet(HIKARICP,
                new BeanRule(new String[] {"com.zaxxer.hikari:type=Pool (*)"},
                        gauge("ActiveConnections", "db.client.connection.count").label("db.client.connection.state", "used"),
                        gauge("IdleConnections", "db.client.connection.count").label("db.client.connection.state", "idle"),
                        gauge("ThreadsAwaitingConnection", "db.client.connection.pending_requests"),
                        gauge("TotalConnections", "hikaricp.connections"))
                        .labelFromKey(pool, "type", nameInType),
                new BeanRule(new String[] {"com.zaxxer.hikari:type=PoolConfig (*)"},
                        gauge("MaximumPoolSize", "db.client.connection.max"),
                        gauge("MinimumIdle", "db.client.connection.idle.min"))
                        .labelFromKey(pool, "type", nameInConfigType));
    }

    static BuiltinSet kafka() {
        return new BuiltinSet(KAFKA,
                new BeanRule(new String[] {"kafka.producer:type=producer-metrics,client-id=*"},
                        gauge("record-send-rate", "kafka.producer.record-send-rate"),
                        gauge("record-error-rate", "kafka.producer.record-error-rate"),
                        gauge("request-latency-avg", "kafka.producer.request-latency-avg"),
                        gauge("outgoing-byte-rate", "kafka.producer.outgoing-byte-rate"),
                        gauge("request-rate", "kafka.producer.request-rate"),
                        gauge("response-rate", "kafka.producer.response-rate"),
                        gauge("io-wait-time-ns-avg", "kafka.producer.io-wait-time-ns-avg"),
                        counter("record-send-total", "kafka.producer.record-send-total"),
                        counter("record-error-total", "kafka.producer.record-error-total"))
                        .labelFromKey("client-id", "client-id"),
                new BeanRule(new String[] {"kafka.consumer:type=consumer-fetch-manager-metrics,client-id=*"},
                        gauge("records-lag-max", "kafka.consumer.records-lag-max"),
                        gauge("records-consumed-rate", "kafka.consumer.total.records-consumed-rate"),
                        gauge("bytes-consumed-rate", "kafka.consumer.total.bytes-consumed-rate"),
                        gauge("fetch-size-avg", "kafka.consumer.total.fetch-size-avg"),
                        gauge("fetch-rate", "kafka.consumer.fetch-rate"),
                        counter("records-consumed-total", "kafka.consumer.records-consumed-total"))
                        .labelFromKey("client-id", "client-id"));
    }
}
