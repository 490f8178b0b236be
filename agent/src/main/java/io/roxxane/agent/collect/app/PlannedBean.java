package io.roxxane.agent.collect.app;

import io.roxxane.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * One MBean as one source reads it. The first read asks its MBeanInfo and makes the source's
 * {@link BeanView}; each read then calls {@code getAttributes} with the view's attributes. Only the
 * thread holding the MBean in {@link InFlight} calls {@link #read}.
 */
final class PlannedBean {
    /** What one read did. */
    static final class Outcome {
        final int planned;
        final int returned;
        final boolean gone;

        Outcome(int planned, int returned, boolean gone) {
            this.planned = planned;
            this.returned = returned;
            this.gone = gone;
        }
    }

    private final ObjectName name;
    private final BeanSource source;
    /** Registered after the source first looked: its counters started at zero since. */
    private final boolean registeredLater;
    private boolean firstRead = true;
    private BeanView view;
    private boolean analysed;
    /** The readable attributes at the last look at the MBeanInfo. */
    private Set<String> infoAttributes = Collections.emptySet();
    /** Look at the MBeanInfo again at the next read: the MBean set changed since. */
    private volatile boolean review;
    /** Attributes the next read asks for (0 before the MBeanInfo is known): what a skipped read leaves out. */
    private volatile int knownAttributes;
    private volatile boolean ignored;

    PlannedBean(ObjectName name, BeanSource source, boolean registeredLater) {
        this.name = name;
        this.source = source;
        this.registeredLater = registeredLater;
    }

    ObjectName name() {
        return name;
    }

    BeanSource source() {
        return source;
    }

    int knownAttributes() {
        return knownAttributes;
    }

    /** Whether the source wants nothing (more) of this MBean. */
    boolean ignored() {
        return ignored;
    }

    /**
     * Looks at the MBeanInfo again at the next read. A dynamic MBean may gain attributes after it was
     * registered: Kafka's JMX reporter adds one per metric, re-registering the MBean each time, so a
     * first look during a client's construction saw only some of them.
     */
    void review() {
        review = true;
    }

    /** Reads the MBean once into {@code out}. Never throws. */
    Outcome read(MBeanServer server, List<Series> out) {
        int planned = 0;
        try {
            Set<String> added = null;
            MBeanAttributeInfo[] readable = null;
            if (!analysed || review) {
                review = false;
                readable = readable(server.getMBeanInfo(name));
                Set<String> now = names(readable);
                if (analysed && !ignored && !infoAttributes.containsAll(now)) {
                    added = new HashSet<String>(now);
                    added.removeAll(infoAttributes);
                    view = source.view(name, readable);
                } else if (!analysed) {
                    view = source.view(name, readable);
                }
                analysed = true;
                infoAttributes = now;
                if (view == null) {
                    ignored = true;
                    return new Outcome(0, 0, false);
                }
            }
            String[] attributes = view.attributes();
            planned = attributes.length;
            knownAttributes = planned;
            if (planned == 0) {
                ignored = true;
                return new Outcome(0, 0, false);
            }
            AttributeList list = server.getAttributes(name, attributes);
            List<String> names = new ArrayList<String>(list.size());
            List<Object> values = new ArrayList<Object>(list.size());
            for (Object item : list) {
                if (item instanceof Attribute) {
                    names.add(((Attribute) item).getName());
                    values.add(((Attribute) item).getValue());
                }
            }
            if (names.size() < planned) {
                reportMissing(attributes, names);
            }
            int before = out.size();
            view.interpret(names, values, out);
            if (registeredLater && firstRead) {
                for (int i = before; i < out.size(); i++) {
                    out.set(i, out.get(i).countedFromZero());
                }
            } else if (added != null) {
                countAddedFromZero(added, readable, names, values, out, before);
            }
            firstRead = false;
            int next = view.attributes().length;
            knownAttributes = next;
            ignored = next == 0;
            return new Outcome(planned, names.size(), false);
        } catch (InstanceNotFoundException gone) {
            ignored = true;
            return new Outcome(planned, 0, true);
        } catch (Throwable t) {
            AgentLog.warnLimited("jmx-read:" + name, "application MBean " + name + " (" + source.name()
                    + ") could not be read: " + AgentLog.describe(t) + "; skipped and counted in agent_jmx_skipped");
            return new Outcome(planned, 0, false);
        }
    }

    /**
     * The series of attributes that appeared since the last look were created since: their counters
     * count from zero, like those of an MBean registered after the first look.
     */
    private void countAddedFromZero(Set<String> added, MBeanAttributeInfo[] readable, List<String> names,
            List<Object> values, List<Series> out, int from) {
        List<String> addedNames = new ArrayList<String>();
        List<Object> addedValues = new ArrayList<Object>();
        for (int i = 0; i < names.size(); i++) {
            if (added.contains(names.get(i))) {
                addedNames.add(names.get(i));
                addedValues.add(values.get(i));
            }
        }
        BeanView probe = source.view(name, readable); // a fresh view, to tell which series the added ones make
        List<Series> fromAdded = new ArrayList<Series>();
        if (probe != null) {
            probe.interpret(addedNames, addedValues, fromAdded);
        }
        Set<String> keys = new HashSet<String>();
        for (Series series : fromAdded) {
            keys.add(series.key());
        }
        for (int i = from; i < out.size(); i++) {
            if (keys.contains(out.get(i).key())) {
                out.set(i, out.get(i).countedFromZero());
            }
        }
    }

    private static Set<String> names(MBeanAttributeInfo[] attributes) {
        Set<String> names = new HashSet<String>();
        for (MBeanAttributeInfo attribute : attributes) {
            names.add(attribute.getName());
        }
        return names;
    }

    private void reportMissing(String[] asked, List<String> got) {
        for (String attribute : asked) {
            if (!got.contains(attribute)) {
                AgentLog.warnLimited("jmx-attribute:" + name + "/" + attribute, "application MBean " + name
                        + " attribute " + attribute + " was not returned (its getter failed); skipped and counted"
                        + " in agent_jmx_skipped");
            }
        }
    }

    private static MBeanAttributeInfo[] readable(MBeanInfo info) {
        List<MBeanAttributeInfo> readable = new ArrayList<MBeanAttributeInfo>();
        MBeanAttributeInfo[] all = info == null ? null : info.getAttributes();
        if (all != null) {
            for (MBeanAttributeInfo attribute : all) {
                if (attribute != null && attribute.isReadable() && attribute.getName() != null) {
                    readable.add(attribute);
                }
            }
        }
        return readable.toArray(new MBeanAttributeInfo[0]);
    }
}
