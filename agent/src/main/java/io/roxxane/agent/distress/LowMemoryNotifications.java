package io.roxxane.agent.distress;

import io.roxxane.agent.log.AgentLog;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

/**
 * The JVM's own low-memory notifications: after a collection, a heap pool still fuller than its
 * collection-usage threshold. Where a heap pool supports a threshold and nobody has set one, the
 * agent sets it to {@value #THRESHOLD_PERCENT}% of the pool's maximum (the only JVM setting it
 * changes; an application that sets its own keeps it, and the agent then hears the application's).
 * The listener runs on the JVM's notification thread and only raises a flag.
 */
final class LowMemoryNotifications implements NotificationListener {
    static final int THRESHOLD_PERCENT = 90;

    private final AtomicBoolean raised = new AtomicBoolean();
    private NotificationEmitter emitter;

    /** Registers with the platform MemoryMXBean; a JVM without notifications leaves this silent. */
    void start() {
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                long max = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
                if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0
                        && pool.getCollectionUsageThreshold() == 0) {
                    pool.setCollectionUsageThreshold(max / 100 * THRESHOLD_PERCENT);
                }
            }
            Object bean = ManagementFactory.getMemoryMXBean();
            if (bean instanceof NotificationEmitter) {
                emitter = (NotificationEmitter) bean;
                emitter.addNotificationListener(this, null, null);
            }
        } catch (Throwable t) {
            AgentLog.debug("no low-memory notifications: " + AgentLog.describe(t));
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        String type = notification.getType();
        if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(type)
                || MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(type)) {
            raised.set(true);
        }
    }

    /** Whether a notification came since the last call. */
    boolean takeRaised() {
        return raised.getAndSet(false);
    }
}
