package io.roxxane.provisioner.engine;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides what to do with one resource from its desired spec and what exists. Pure: no AWS calls. */
public final class Planner {
    public static final String STACK_TAG = "roxxane:stack";

    private final String stackName;

    public Planner(String stackName) {
        this.stackName = stackName;
    }

    public <S extends Record> Change plan(Resource<S> resource, Observation<S> current) {
        if (!current.exists()) {
            return change(resource, Action.CREATE, List.of(), "");
        }
        if (!current.ownedBy(stackName)) {
            return change(resource, Action.CONFLICT, List.of(), "exists without tag " + STACK_TAG + "=" + stackName
                    + current.stackTag().map(tag -> " (tagged for stack '" + tag + "')").orElse(" (untagged)")
                    + "; it is not adopted: choose another name or remove it");
        }
        List<Difference> differences = Differences.between(resource.desired(), current.spec().orElseThrow());
        if (differences.isEmpty()) {
            return change(resource, Action.NONE, differences, "");
        }
        Set<String> replaced = resource.replacedOnChange();
        Set<String> forcing = differences.stream().map(Difference::field).filter(replaced::contains)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!forcing.isEmpty()) {
            return change(resource, Action.REPLACE, differences, "cannot change in place: " + String.join(", ", forcing));
        }
        return change(resource, Action.UPDATE, differences, "");
    }

    private static Change change(Resource<?> resource, Action action, List<Difference> differences, String reason) {
        return new Change(resource.key(), resource.type(), resource.name(), action, differences, reason);
    }
}
