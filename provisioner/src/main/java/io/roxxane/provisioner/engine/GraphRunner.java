package io.roxxane.provisioner.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a task on every resource in dependency order, independent resources in parallel.
 * A resource whose prerequisite failed or was skipped is skipped, and says which one.
 */
public final class GraphRunner {
    /** Which way the edges are followed. */
    public enum Direction {
        /** Create and update: a resource after everything it depends on. */
        DEPENDENCIES_FIRST,
        /** Destroy: a resource after everything that depends on it. */
        DEPENDENTS_FIRST
    }

    /** The work for one resource; returns a short note for the progress line. */
    @FunctionalInterface
    public interface Task {
        String run(Resource<?> resource) throws Exception;
    }

    public enum Status { OK, FAILED, SKIPPED }

    public record Outcome(String key, Status status, String message, Duration elapsed) {
    }

    private final int parallelism;

    public GraphRunner(int parallelism) {
        this.parallelism = parallelism;
    }

    /** The resources in an order where every resource comes after its dependencies; rejects unknown keys and cycles. */
    public static List<Resource<?>> order(List<? extends Resource<?>> resources) {
        Map<String, Resource<?>> byKey = new LinkedHashMap<>();
        for (Resource<?> resource : resources) {
            if (byKey.put(resource.key(), resource) != null) {
                throw new IllegalArgumentException("two resources with key " + resource.key());
            }
        }
        for (Resource<?> resource : resources) {
            for (String dependency : resource.dependsOn()) {
                if (!byKey.containsKey(dependency)) {
                    throw new IllegalArgumentException(resource.key() + " depends on unknown resource " + dependency);
                }
            }
        }
        List<Resource<?>> ordered = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (Resource<?> resource : resources) {
            visit(resource, byKey, state, ordered, new ArrayList<>());
        }
        return ordered;
    }

    private static void visit(Resource<?> resource, Map<String, Resource<?>> byKey, Map<String, Integer> state,
                              List<Resource<?>> ordered, List<String> path) {
        Integer seen = state.get(resource.key());
        if (seen != null && seen == 2) {
            return;
        }
        path.add(resource.key());
        if (seen != null) {
            throw new IllegalArgumentException("dependency cycle: " + String.join(" -> ", path));
        }
        state.put(resource.key(), 1);
        for (String dependency : resource.dependsOn()) {
            visit(byKey.get(dependency), byKey, state, ordered, path);
        }
        state.put(resource.key(), 2);
        path.remove(path.size() - 1);
        ordered.add(resource);
    }

    /** Runs {@code task} over the graph and returns every outcome, in graph order; {@code listener} hears each as it ends. */
    public Map<String, Outcome> run(List<? extends Resource<?>> resources, Direction direction, Task task,
                                    Consumer<Outcome> listener) {
        List<Resource<?>> ordered = order(resources);
        Map<String, List<String>> prerequisites = new HashMap<>();
        for (Resource<?> resource : ordered) {
            prerequisites.putIfAbsent(resource.key(), new ArrayList<>());
            for (String dependency : resource.dependsOn()) {
                if (direction == Direction.DEPENDENCIES_FIRST) {
                    prerequisites.get(resource.key()).add(dependency);
                } else {
                    prerequisites.computeIfAbsent(dependency, key -> new ArrayList<>()).add(resource.key());
                }
            }
        }
        if (direction == Direction.DEPENDENTS_FIRST) {
            ordered = new ArrayList<>(ordered);
            java.util.Collections.reverse(ordered);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "provisioner-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, CompletableFuture<Outcome>> futures = new LinkedHashMap<>();
            for (Resource<?> resource : ordered) {
                List<CompletableFuture<Outcome>> before = new ArrayList<>();
                for (String key : prerequisites.get(resource.key())) {
                    before.add(futures.get(key));
                }
                CompletableFuture<Outcome> future = CompletableFuture.allOf(before.toArray(new CompletableFuture<?>[0]))
                        .thenApplyAsync(ignored -> runOne(resource, before, task), executor)
                        .thenApply(outcome -> {
                            listener.accept(outcome);
                            return outcome;
                        });
                futures.put(resource.key(), future);
            }
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            for (Map.Entry<String, CompletableFuture<Outcome>> entry : futures.entrySet()) {
                outcomes.put(entry.getKey(), entry.getValue().join());
            }
            return outcomes;
        } finally {
            executor.shutdownNow();
        }
    }

    private static Outcome runOne(Resource<?> resource, List<CompletableFuture<Outcome>> before, Task task) {
        for (CompletableFuture<Outcome> prerequisite : before) {
            Outcome outcome = prerequisite.join();
            if (outcome.status() != Status.OK) {
                return new Outcome(resource.key(), Status.SKIPPED, "skipped: " + outcome.key() + " "
                        + outcome.status().name().toLowerCase(java.util.Locale.ROOT), Duration.ZERO);
            }
        }
        long start = System.nanoTime();
        try {
            String message = task.run(resource);
            return new Outcome(resource.key(), Status.OK, message, Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception e) {
            return new Outcome(resource.key(), Status.FAILED, describe(e), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Our own failures speak for themselves; anything else (an SDK exception) also says what kind it is. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        if (message != null && (error instanceof IllegalStateException || error instanceof java.io.UncheckedIOException)) {
            return message;
        }
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
