package io.roxxane.agent.collect.app;

import io.roxxane.agent.log.AgentLog;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.Notification;
import javax.management.NotificationListener;

/**
 * Knows when the MBean set changed: a listener on the MBean server's delegate counts every
 * registration and unregistration. The listener runs on the thread that registers the MBean (the
 * host's): it only increments a counter and never throws. Where the listener cannot be added,
 * {@link #listening()} is false and the catalog asks again at a fixed cadence instead.
 */
final class MBeanSetWatch implements NotificationListener {
    private final AtomicLong changes = new AtomicLong(1); // the first look counts as a change
    private volatile boolean listening;

    /** Adds the listener to {@code server}'s delegate; false (after one line) if it could not. */
    boolean start(MBeanServer server) {
        try {
            server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, this, null, null);
            listening = true;
        } catch (Throwable t) {
            AgentLog.warn("application MBeans: cannot watch the MBean set (" + AgentLog.describe(t)
                    + "); MBeans are looked for again every minute instead");
        }
        return listening;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        try {
            String type = notification.getType();
            if (MBeanServerNotification.REGISTRATION_NOTIFICATION.equals(type)
                    || MBeanServerNotification.UNREGISTRATION_NOTIFICATION.equals(type)) {
                changes.incrementAndGet();
            }
        } catch (Throwable ignored) {
            // the host's registration must never see the agent fail
        }
    }

    /** Grows by one per change of the MBean set. */
    long changes() {
        return changes.get();
    }

    /** Counts a change the agent noticed itself (an MBean gone when read). */
    void markChanged() {
        changes.incrementAndGet();
    }

    boolean listening() {
        return listening;
    }
}
