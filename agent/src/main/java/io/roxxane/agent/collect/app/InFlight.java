package io.roxxane.agent.collect.app;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.management.ObjectName;

/**
 * The MBeans a reader thread is calling right now, and since when. An MBean is entered before any
 * call on it and left when the call returns, so a getter still running (stuck in the application)
 * is never called a second time: the next reader skips that MBean until the first call returns.
 * Whoever holds an MBean here is also the only thread touching its {@link PlannedBean} state.
 */
final class InFlight {
    private final ConcurrentMap<ObjectName, Long> since = new ConcurrentHashMap<ObjectName, Long>();

    /** Takes the MBean for a call; false when another call on it has not returned. */
    boolean enter(ObjectName name) {
        return since.putIfAbsent(name, System.nanoTime()) == null;
    }

    void exit(ObjectName name) {
        since.remove(name);
    }

    /** How long the call on this MBean has been running, in nanoseconds; -1 when none is. */
    long runningNanos(ObjectName name) {
        Long start = since.get(name);
        return start == null ? -1 : System.nanoTime() - start;
    }
}
