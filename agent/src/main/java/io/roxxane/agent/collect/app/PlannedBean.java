package io.roxxane.agent.collect.app;

import io.roxxane.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.List;
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

    /** Reads the MBean once into {@code out}. Never throws. */
    Outcome read(MBeanServer server, List<Series> out) {
        int planned = 0;
        try {
            if (!analysed) {
                MBeanInfo info = server.getMBeanInfo(name);
                analysed = true;
                view = source.view(name, readable(info));
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
