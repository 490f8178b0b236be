package io.roxxane.agent.collect.app.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;

/** A jmx_exporter file as the agent understood it. Immutable. */
public final class RulesConfig {
    final boolean lowercaseOutputName;
    final boolean lowercaseOutputLabelNames;
    /** Patterns to query; one null element: every MBean. */
    final List<ObjectName> includeObjectNames;
    final List<ObjectName> excludeObjectNames;
    final Map<ObjectName, Set<String>> excludeObjectNameAttributes;
    final boolean autoExcludeObjectNameAttributes;
    final int startDelaySeconds;
    final List<Rule> rules;

    RulesConfig(boolean lowercaseOutputName, boolean lowercaseOutputLabelNames, List<ObjectName> includeObjectNames,
            List<ObjectName> excludeObjectNames, Map<ObjectName, Set<String>> excludeObjectNameAttributes,
            boolean autoExcludeObjectNameAttributes, int startDelaySeconds, List<Rule> rules) {
        this.lowercaseOutputName = lowercaseOutputName;
        this.lowercaseOutputLabelNames = lowercaseOutputLabelNames;
        this.includeObjectNames = Collections.unmodifiableList(includeObjectNames);
        this.excludeObjectNames = Collections.unmodifiableList(excludeObjectNames);
        this.excludeObjectNameAttributes = Collections.unmodifiableMap(excludeObjectNameAttributes);
        this.autoExcludeObjectNameAttributes = autoExcludeObjectNameAttributes;
        this.startDelaySeconds = startDelaySeconds;
        this.rules = Collections.unmodifiableList(rules);
    }

    /** How many rules the file has (1 for a file without {@code rules}: the default rule). */
    public int ruleCount() {
        return rules.size();
    }
}
