package io.roxxane.agent.collect.jvm;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.lang.reflect.Method;

/**
 * The virtual-thread scheduler, from {@code jdk.management.VirtualThreadSchedulerMXBean} (JDK 24
 * and later, read by reflection): virtual threads mounted on a carrier, virtual threads queued,
 * carrier threads. On an older JDK the collector is not made and the columns stay null.
 *
 * <p>Reading the bean creates the JDK's scheduler, which reads its {@code
 * jdk.virtualThreadScheduler.*} system properties once: a host that sets them in {@code main}
 * must find them unread. So the bean is read only once the host has started a virtual thread,
 * which shows as the JDK's "CarrierThreads" thread group; until then no carrier exists and
 * nothing is mounted or queued, and the sample says 0, 0, 0. Where the JDK cannot tell (virtual
 * threads bound to platform threads, {@code -XX:-VMContinuations}) the columns stay null.
 */
public final class VirtualThreadCollector implements Collector {
    static final String BEAN_INTERFACE = "jdk.management.VirtualThreadSchedulerMXBean";
    /** The thread group of the JDK's carrier threads, made when the first carrier starts (JDK 21+). */
    static final String CARRIER_GROUP = "CarrierThreads";

    /** Whether the scheduler has started; answers true for ever once it has. */
    interface SchedulerStarted {
        boolean now();
    }

    private final Object bean;
    private final Method mounted;
    private final Method queued;
    private final Method carriers;
    private final SchedulerStarted schedulerStarted;
    private boolean started;

    /** Whether this JDK offers the bean (JDK 24+ with jdk.management). */
    public static boolean supported() {
        try {
            Class.forName(BEAN_INTERFACE);
            return true;
        } catch (ClassNotFoundException | LinkageError before24) {
            return false;
        }
    }

    public VirtualThreadCollector() throws ReflectiveOperationException {
        this(platformBean(), Class.forName(BEAN_INTERFACE), new CarrierGroupWatch(ThreadStateCollector.rootGroup()));
    }

    /** Reads {@code bean} through the methods of {@code type}, once {@code schedulerStarted} says so. */
    VirtualThreadCollector(Object bean, Class<?> type, SchedulerStarted schedulerStarted)
            throws ReflectiveOperationException {
        this.bean = bean;
        this.mounted = type.getMethod("getMountedVirtualThreadCount");
        this.queued = type.getMethod("getQueuedVirtualThreadCount");
        this.carriers = type.getMethod("getPoolSize");
        this.schedulerStarted = schedulerStarted;
        // Where virtual threads are bound to platform threads (no continuations) there is no
        // scheduler to start: that bean answers -1 to each question without touching anything.
        this.started = bean.getClass().getName().endsWith("BoundVirtualThreadSchedulerImpl");
    }

    private static Object platformBean() throws ClassNotFoundException {
        Class<? extends PlatformManagedObject> type =
                Class.forName(BEAN_INTERFACE).asSubclass(PlatformManagedObject.class);
        Object bean = ManagementFactory.getPlatformMXBean(type);
        if (bean == null) {
            throw new IllegalStateException("no " + BEAN_INTERFACE + " in this JVM");
        }
        return bean;
    }

    @Override
    public void collect(Sample sample) throws ReflectiveOperationException {
        if (!started) {
            started = schedulerStarted.now();
        }
        if (!started) {
            sample.set(Column.JVM_VIRTUAL_THREADS_MOUNTED, 0)
                    .set(Column.JVM_VIRTUAL_THREADS_QUEUED, 0)
                    .set(Column.JVM_VIRTUAL_THREADS_CARRIERS, 0);
            return;
        }
        // -1 where the JDK cannot tell (virtual threads bound to platform threads): left null
        int mountedCount = ((Number) mounted.invoke(bean)).intValue();
        long queuedCount = ((Number) queued.invoke(bean)).longValue();
        int carrierCount = ((Number) carriers.invoke(bean)).intValue();
        if (mountedCount >= 0) {
            sample.set(Column.JVM_VIRTUAL_THREADS_MOUNTED, mountedCount);
        }
        if (queuedCount >= 0) {
            sample.set(Column.JVM_VIRTUAL_THREADS_QUEUED, queuedCount);
        }
        if (carrierCount >= 0) {
            sample.set(Column.JVM_VIRTUAL_THREADS_CARRIERS, carrierCount);
        }
    }

    /** Looks among the root group's subgroups for the carriers' group; cheap, a handful of groups. */
    static final class CarrierGroupWatch implements SchedulerStarted {
        private final ThreadGroup root;
        private ThreadGroup[] groups = new ThreadGroup[16];

        CarrierGroupWatch(ThreadGroup root) {
            this.root = root;
        }

        @Override
        public boolean now() {
            int n;
            while ((n = root.enumerate(groups, false)) == groups.length) {
                groups = new ThreadGroup[groups.length * 2];
            }
            boolean found = false;
            for (int i = 0; i < n; i++) {
                found |= CARRIER_GROUP.equals(groups[i].getName());
                groups[i] = null;
            }
            return found;
        }
    }
}
