package io.roxxane.agent.collect.app;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;

/**
 * The platform MBean server, but only once the host has made one: creating it early breaks hosts
 * that must create it themselves (JBoss/WildFly and their log manager, a
 * {@code javax.management.builder.initial} of their own), as {@code stats.AgentMBeanRegistrar}
 * explains. Before that, no library of the host has registered an MBean either, so there is nothing
 * to read. Called on the collector thread; cheap.
 */
final class PlatformServer {
    private MBeanServer server;

    /** The platform server once some MBean server exists in this JVM; null before. */
    MBeanServer ifCreated() {
        if (server == null) {
            try {
                if (!MBeanServerFactory.findMBeanServer(null).isEmpty()) {
                    server = ManagementFactory.getPlatformMBeanServer();
                }
            } catch (SecurityException refused) {
                return null;
            }
        }
        return server;
    }
}
