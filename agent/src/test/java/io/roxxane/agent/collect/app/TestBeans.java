package io.roxxane.agent.collect.app;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/** MBeans the application-MBean tests register in this JVM's platform server, with counted getters. */
final class TestBeans {
    private TestBeans() {
    }

    static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static void unregister(String pattern) {
        try {
            for (ObjectName name : server().queryNames(name(pattern), null)) {
                server().unregisterMBean(name);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public interface PoolMBean {
        int getActiveConnections();

        int getIdleConnections();

        long getRequestsServed();

        long getWaitMillis();

        String getVersion();

        int getQueueDepth();

        CompositeData getUsage();

        String getSecret();
    }

    /** A pool whose figures the test sets; counts the calls of the getter the rules file excludes. */
    public static final class Pool implements PoolMBean {
        volatile int active;
        volatile int idle;
        volatile long served;
        final AtomicInteger secretReads = new AtomicInteger();

        @Override
        public int getActiveConnections() {
            return active;
        }

        @Override
        public int getIdleConnections() {
            return idle;
        }

        @Override
        public long getRequestsServed() {
            return served;
        }

        @Override
        public long getWaitMillis() {
            return 1500;
        }

        @Override
        public String getVersion() {
            return "1.2.3";
        }

        @Override
        public int getQueueDepth() {
            return 4;
        }

        @Override
        public CompositeData getUsage() {
            try {
                CompositeType type = new CompositeType("usage", "usage", new String[] {"max", "used"},
                        new String[] {"max", "used"}, new OpenType<?>[] {SimpleType.LONG, SimpleType.LONG});
                return new CompositeDataSupport(type, new String[] {"max", "used"}, new Object[] {10L, 5L});
            } catch (OpenDataException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getSecret() {
            secretReads.incrementAndGet();
            return "42";
        }
    }

    public interface ValueMBean {
        double getValue();
    }

    /** A value; or a getter that blocks until released, or one that throws. */
    public static final class Value implements ValueMBean {
        final double value;
        final CountDownLatch release;
        final boolean throwing;
        final AtomicInteger calls = new AtomicInteger();

        Value(double value, CountDownLatch release, boolean throwing) {
            this.value = value;
            this.release = release;
            this.throwing = throwing;
        }

        @Override
        public double getValue() {
            calls.incrementAndGet();
            if (throwing) {
                throw new IllegalStateException("the application's getter failed");
            }
            if (release != null) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return value;
        }
    }
}
