package io.roxxane.provisioner.engine;

import io.roxxane.provisioner.engine.GraphRunner.Direction;
import io.roxxane.provisioner.engine.GraphRunner.Outcome;
import io.roxxane.provisioner.engine.GraphRunner.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * plan, apply, status and destroy over a stack's resources. Knows nothing of AWS: everything
 * goes through {@link Resource}, which is what lets the unit tests run it over fake state.
 */
public final class Operations {
    private final List<Resource<?>> resources;
    private final String stackName;
    private final Planner planner;
    private final Progress progress;
    private final GraphRunner runner;

    public Operations(List<Resource<?>> resources, String stackName, Progress progress, int parallelism) {
        this.resources = GraphRunner.order(resources);
        this.stackName = stackName;
        this.planner = new Planner(stackName);
        this.progress = progress;
        this.runner = new GraphRunner(parallelism);
    }

    /** The result of a command: what happened to each resource, and whether anything failed. */
    public record Report(List<Change> changes, Map<String, Outcome> outcomes) {
        public boolean failed() {
            return outcomes.values().stream().anyMatch(outcome -> outcome.status() != Status.OK);
        }

        public boolean hasChanges() {
            return changes.stream().anyMatch(change -> change.action().changes());
        }

        public boolean hasConflicts() {
            return changes.stream().anyMatch(change -> change.action() == Action.CONFLICT);
        }

        public Map<Action, Integer> counts() {
            Map<Action, Integer> counts = new EnumMap<>(Action.class);
            for (Action action : Action.values()) {
                counts.put(action, 0);
            }
            changes.forEach(change -> counts.merge(change.action(), 1, Integer::sum));
            return counts;
        }
    }

    /** Reads everything and says what apply would do; changes nothing. */
    public Report plan() {
        return read(Change::describe);
    }

    /** Reads everything and says, per resource, whether it exists, matches or drifted; changes nothing. */
    public Report status() {
        return read(Operations::statusLine);
    }

    private Report read(java.util.function.Function<Change, String> wording) {
        Map<String, Change> changes = new ConcurrentHashMap<>();
        Map<String, Outcome> outcomes = runner.run(resources, Direction.DEPENDENCIES_FIRST, resource -> {
            Change change = planOne(resource);
            changes.put(resource.key(), change);
            return wording.apply(change);
        }, outcome -> { });
        for (Resource<?> resource : resources) {
            String message = outcomes.get(resource.key()).message();
            progress.plain(changes.containsKey(resource.key()) ? message : "x " + resource.label() + ": cannot read: " + message);
        }
        return new Report(inGraphOrder(changes), outcomes);
    }

    /** The changes of the resources that got as far as planning, in graph order. */
    private List<Change> inGraphOrder(Map<String, Change> changes) {
        List<Change> ordered = new ArrayList<>();
        for (Resource<?> resource : resources) {
            if (changes.containsKey(resource.key())) {
                ordered.add(changes.get(resource.key()));
            }
        }
        return ordered;
    }

    static String statusLine(Change change) {
        String label = change.label() + ": ";
        return switch (change.action()) {
            case NONE -> "= " + label + "exists, matches";
            case CREATE -> "+ " + label + "missing";
            case UPDATE -> "~ " + label + "drifted: " + differences(change);
            case REPLACE -> "~ " + label + "drifted: " + differences(change) + " - apply replaces it (" + change.reason() + ")";
            case CONFLICT -> "x " + label + change.reason();
        };
    }

    private static String differences(Change change) {
        return change.differences().stream().map(Difference::toString).collect(java.util.stream.Collectors.joining("; "));
    }

    /** Creates, updates or replaces what differs, in dependency order; prints one line per resource. */
    public Report apply() {
        Map<String, Change> changes = new ConcurrentHashMap<>();
        Map<String, Outcome> outcomes = runner.run(resources, Direction.DEPENDENCIES_FIRST, resource -> {
            Change change = applyOne(resource);
            changes.put(resource.key(), change);
            if (change.action() == Action.CONFLICT) {
                throw new IllegalStateException("conflict: " + change.reason());
            }
            return change.describeDone();
        }, this::report);
        return new Report(inGraphOrder(changes), outcomes);
    }

    /** Deletes what carries this stack's tag, dependents first; keeps the rest and says why. */
    public Report destroy(boolean deleteData) {
        Map<String, Outcome> outcomes = runner.run(resources, Direction.DEPENDENTS_FIRST, resource -> destroyOne(resource, deleteData),
                this::report);
        return new Report(List.of(), outcomes);
    }

    private void report(Outcome outcome) {
        Resource<?> resource = resources.stream().filter(r -> r.key().equals(outcome.key())).findFirst().orElseThrow();
        String text = switch (outcome.status()) {
            case OK -> outcome.message() + " (" + Progress.seconds(outcome.elapsed()) + ")";
            case FAILED -> "x " + resource.label() + ": FAILED after "
                    + Progress.seconds(outcome.elapsed()) + ": " + outcome.message();
            case SKIPPED -> "- " + resource.label() + ": " + outcome.message();
        };
        progress.line(text);
    }

    private <S extends Record> Change planOne(Resource<S> resource) {
        return planner.plan(resource, resource.read());
    }

    private <S extends Record> Change applyOne(Resource<S> resource) {
        Observation<S> current = resource.read();
        Change change = planner.plan(resource, current);
        switch (change.action()) {
            case CREATE -> resource.create();
            case UPDATE -> resource.update(current.spec().orElseThrow(), change.differences());
            case REPLACE -> {
                resource.delete(false);
                resource.create();
            }
            case NONE, CONFLICT -> {
                // nothing to do; a conflict is reported by the caller
            }
        }
        return change;
    }

    private <S extends Record> String destroyOne(Resource<S> resource, boolean deleteData) {
        Observation<S> current = resource.read();
        String label = resource.label();
        if (!current.exists()) {
            return "= " + label + ": absent";
        }
        if (!current.ownedBy(stackName)) {
            return "= " + label + ": kept, it does not carry " + Planner.STACK_TAG + "=" + stackName;
        }
        DeleteResult result = resource.delete(deleteData);
        return result.removed() ? "- " + label + ": deleted" : "= " + label + ": kept, " + result.note();
    }
}
