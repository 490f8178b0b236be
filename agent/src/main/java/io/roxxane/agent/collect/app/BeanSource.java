package io.roxxane.agent.collect.app;

import java.util.List;
import javax.management.MBeanAttributeInfo;
import javax.management.ObjectName;

/**
 * Where series come from: a built-in set or the rules of {@code jmx_config}. Says which MBeans to
 * look at (ObjectName queries, asked again only when the MBean set changes) and, per MBean, what
 * to read and how to turn it into series.
 */
public interface BeanSource {
    /** Short name for messages: "tomcat", "jmx_config". */
    String name();

    /** The ObjectName patterns to query; a null element queries every MBean. */
    List<ObjectName> queries();

    /** Whether a queried MBean is left out all the same (jmx_exporter's excludeObjectNames). */
    boolean excludes(ObjectName name);

    /**
     * What this source reads of one MBean, given the attributes its MBeanInfo declares, or null when
     * it wants nothing of it. Called once per MBean appearance, on a reader thread.
     */
    BeanView view(ObjectName name, MBeanAttributeInfo[] attributes);

    /** Nanoseconds after the agent's start before this source looks at any MBean (startDelaySeconds). */
    long startDelayNanos();
}
