package io.roxxane.agent.collect.app.rules;

import io.roxxane.agent.collect.app.BeanSource;
import io.roxxane.agent.collect.app.BeanView;
import io.roxxane.agent.collect.app.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanAttributeInfo;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

/**
 * The rules of {@code jmx_config} as a source: the MBeans of includeObjectNames less
 * excludeObjectNames, every readable attribute but those excludeObjectNameAttributes names (and
 * those jmx_exporter itself never reads: the Runtime MBean's class paths and system properties,
 * the FlightRecorder MBean). The first read of an MBean reads them all; from then on only the
 * attributes a rule matched (or may match: a value a rule reads, a table whose rows may change,
 * a value that was null) are read.
 */
public final class RuleSource implements BeanSource {
    private static final Set<String> RUNTIME_SKIPPED = new LinkedHashSet<String>(Arrays.asList("SystemProperties",
            "ClassPath", "BootClassPath", "LibraryPath"));
    /** Values remembered per MBean at most; past it the plans are made again. */
    private static final int MAX_PLANS = 5_000;

    private final RulesConfig config;
    private final RuleMatcher matcher;

    public RuleSource(RulesConfig config) {
        this.config = config;
        this.matcher = new RuleMatcher(config);
    }

    @Override
    public String name() {
        return "jmx_config";
    }

    @Override
    public List<ObjectName> queries() {
        return config.includeObjectNames;
    }

    @Override
    public boolean excludes(ObjectName name) {
        for (ObjectName pattern : config.excludeObjectNames) {
            if (pattern.apply(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long startDelayNanos() {
        return TimeUnit.SECONDS.toNanos(config.startDelaySeconds);
    }

    @Override
    public BeanView view(ObjectName name, MBeanAttributeInfo[] attributes) {
        String canonical = name.getCanonicalName();
        if (canonical.equals("jdk.management.jfr:type=FlightRecorder")) {
            return null;
        }
        Set<String> excluded = config.excludeObjectNameAttributes.get(name);
        List<String> read = new ArrayList<String>();
        for (MBeanAttributeInfo attribute : attributes) {
            String attributeName = attribute.getName();
            if ((excluded != null && excluded.contains(attributeName))
                    || (canonical.equals("java.lang:type=Runtime") && RUNTIME_SKIPPED.contains(attributeName))) {
                continue;
            }
            read.add(attributeName);
        }
        return read.isEmpty() ? null : new View(name, read);
    }

    private final class View implements BeanView {
        private final String domain;
        private final LinkedHashMap<String, String> properties;
        private String[] attributes;
        private boolean firstRead = true;
        private final Map<String, RuleMatcher.Plan> plans = new HashMap<String, RuleMatcher.Plan>();

        View(ObjectName name, List<String> attributes) {
            this.domain = name.getDomain();
            this.properties = KeyProperties.of(name);
            this.attributes = attributes.toArray(new String[0]);
        }

        @Override
        public String[] attributes() {
            return attributes;
        }

        @Override
        public void interpret(List<String> names, List<Object> values, List<Series> out) {
            if (plans.size() > MAX_PLANS) {
                plans.clear();
            }
            Set<String> keep = new LinkedHashSet<String>();
            for (int i = 0; i < names.size(); i++) {
                String attribute = names.get(i);
                Object value = values.get(i);
                Flattener.Result walked = Flattener.walk(domain, properties, attribute, value);
                boolean wanted = value == null || value instanceof TabularData;
                for (Leaf leaf : walked.leaves) {
                    String key = leaf.beanName() + "\u0000" + leaf.attrName;
                    RuleMatcher.Plan plan = plans.get(key);
                    if (plan == null) {
                        plan = matcher.plan(leaf);
                        plans.put(key, plan);
                    }
                    wanted |= !plan.never();
                    matcher.emit(plan, leaf, out);
                }
                if (walked.unsupported && config.autoExcludeObjectNameAttributes) {
                    wanted = false;
                }
                if (wanted) {
                    keep.add(attribute);
                }
            }
            if (firstRead) {
                firstRead = false;
                // attributes not returned (a getter that failed) are tried again: they may work later
                for (String attribute : attributes) {
                    if (!names.contains(attribute)) {
                        keep.add(attribute);
                    }
                }
                attributes = keep.toArray(new String[0]);
            }
        }
    }

    /** The ObjectName patterns this source queries, for messages. */
    List<ObjectName> includes() {
        return Collections.unmodifiableList(config.includeObjectNames);
    }
}
