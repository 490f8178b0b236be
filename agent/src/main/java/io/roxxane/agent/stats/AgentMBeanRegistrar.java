package io.roxxane.agent.stats;

import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.log.AgentThreads;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers {@link AgentStatsMXBean} as {@value #OBJECT_NAME} without forcing the platform MBean
 * server into existence during start-up: some hosts (JBoss/WildFly and their log manager, apps
 * that set {@code javax.management.builder.initial}) must create it themselves, first. A short
 * daemon thread waits until an MBean server exists or {@link #DEFAULT_DELAY_MS} has passed, then
 * registers and ends. Never throws; a failure is one line on stderr.
 */
public final class AgentMBeanRegistrar {
    public static final String OBJECT_NAME = "io.roxxane:type=Agent";
    /** Longest wait for the host to create the platform MBean server itself. */
    public static final long DEFAULT_DELAY_MS = 60_000;
    /** Name of the short-lived registering thread. */
    public static final String THREAD_NAME = "roxxane-mbean";

    private static final long POLL_MS = 500;

    private AgentMBeanRegistrar() {
    }

    /** Registers on a daemon thread once the host has an MBean server, or after the default delay. */
    public static void registerLater(AgentStats stats) {
        registerLater(stats, DEFAULT_DELAY_MS);
    }

    /** As {@link #registerLater(AgentStats)} with a given longest wait. Returns the thread (for tests). */
    public static Thread registerLater(final AgentStats stats, final long maxDelayMillis) {
        try {
            Thread thread = AgentThreads.daemon(THREAD_NAME, Thread.MIN_PRIORITY, new Runnable() {
                @Override
                public void run() {
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
                    try {
                        while (System.nanoTime() < end && MBeanServerFactory.findMBeanServer(null).isEmpty()) {
                            Thread.sleep(POLL_MS);
                        }
                        register(stats, ManagementFactory.getPlatformMBeanServer());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Throwable t) {
                        AgentLog.warn("agent statistics MXBean not registered: " + AgentLog.describe(t));
                    }
                }
            });
            thread.start();
            return thread;
        } catch (Throwable t) {
            AgentLog.warn("agent statistics MXBean not registered: " + AgentLog.describe(t));
            return null;
        }
    }

    /** Registers now on {@code server}. Returns false (after one line on stderr) if it could not. */
    public static boolean register(AgentStats stats, MBeanServer server) {
        try {
            server.registerMBean(new StandardMBean(new View(stats), AgentStatsMXBean.class, true),
                    new ObjectName(OBJECT_NAME));
            return true;
        } catch (InstanceAlreadyExistsException e) {
            AgentLog.warn(OBJECT_NAME + " is already registered (another Roxxane agent in this JVM?); not replacing it");
            return false;
        } catch (Throwable t) {
            AgentLog.warn("agent statistics MXBean not registered: " + AgentLog.describe(t));
            return false;
        }
    }

    /** The MXBean's view of the totals. */
    private static final class View implements AgentStatsMXBean {
        private final AgentStats stats;

        View(AgentStats stats) {
            this.stats = stats;
        }

        @Override
        public long getSamplesCollected() {
            return stats.samplesCollected();
        }

        @Override
        public long getDroppedSamples() {
            return stats.droppedSamples();
        }

        @Override
        public long getSentRecords() {
            return stats.sentRecords();
        }

        @Override
        public long getSentBytes() {
            return stats.sentBytes();
        }

        @Override
        public long getRetries() {
            return stats.retries();
        }

        @Override
        public long getFailures() {
            return stats.failures();
        }

        @Override
        public String getLastError() {
            return stats.lastError();
        }

        @Override
        public long getLastErrorMillis() {
            return stats.lastErrorMillis();
        }

        @Override
        public long getLastSuccessMillis() {
            return stats.lastSuccessMillis();
        }
    }
}
