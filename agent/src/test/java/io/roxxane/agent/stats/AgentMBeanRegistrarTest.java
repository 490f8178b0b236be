package io.roxxane.agent.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The io.roxxane:type=Agent MXBean (kept with the Firehose tests: it shows the shipper's totals). */
class AgentMBeanRegistrarTest {

    @Test
    void register_exposesTheTotalsAsAttributes() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        AgentStats stats = new AgentStats();
        assertTrue(AgentMBeanRegistrar.register(stats, server));
        stats.sampleCollected();
        stats.delivered(2, 3_000, 1_234);
        stats.failed("ServiceUnavailableException (HTTP 400)", 5_678);
        stats.samplesDropped(7);
        stats.retried();
        ObjectName name = new ObjectName(AgentMBeanRegistrar.OBJECT_NAME);
        assertEquals(1L, server.getAttribute(name, "SamplesCollected"));
        assertEquals(2L, server.getAttribute(name, "SentRecords"));
        assertEquals(3_000L, server.getAttribute(name, "SentBytes"));
        assertEquals(7L, server.getAttribute(name, "DroppedSamples"));
        assertEquals(1L, server.getAttribute(name, "Retries"));
        assertEquals(1L, server.getAttribute(name, "Failures"));
        assertEquals("ServiceUnavailableException (HTTP 400)", server.getAttribute(name, "LastError"));
        assertEquals(5_678L, server.getAttribute(name, "LastErrorMillis"));
        assertEquals(1_234L, server.getAttribute(name, "LastSuccessMillis"));
        assertTrue(server.getMBeanInfo(name).getDescriptor().getFieldValue("mxbean").equals("true"));
    }

    @Test
    void register_whenAlreadyRegistered_keepsTheFirstAndSaysSo() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        AgentLog.redirectForTests(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            MBeanServer server = MBeanServerFactory.newMBeanServer();
            assertTrue(AgentMBeanRegistrar.register(new AgentStats(), server));
            assertFalse(AgentMBeanRegistrar.register(new AgentStats(), server));
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("already registered"));
        } finally {
            AgentLog.redirectForTests(null);
        }
    }

    @Test
    void registerLater_registersOnThePlatformServerFromItsOwnThread() throws Exception {
        ManagementFactory.getPlatformMBeanServer(); // the host made one: no need to wait
        Thread thread = AgentMBeanRegistrar.registerLater(new AgentStats(), 60_000);
        assertTrue(thread.isDaemon());
        assertEquals(AgentMBeanRegistrar.THREAD_NAME, thread.getName());
        thread.join(30_000);
        assertFalse(thread.isAlive());
        ObjectName name = new ObjectName(AgentMBeanRegistrar.OBJECT_NAME);
        assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(name));
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    }
}
