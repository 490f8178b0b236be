package io.roxxane.agent.collect.app;

import java.util.List;

/**
 * What one source makes of one MBean: the attributes it reads each sample and how their values
 * become series. Only one reader thread uses a view at a time (the MBean's call is in flight while
 * it does), so a view may keep state, such as the rule each attribute matched.
 */
public interface BeanView {
    /** The attributes to read next; empty when nothing of this MBean is worth reading any more. */
    String[] attributes();

    /**
     * Adds the series of one read. {@code names} and {@code values} are the attributes the MBean
     * returned (an attribute whose getter failed is missing), in step.
     */
    void interpret(List<String> names, List<Object> values, List<Series> out);
}
