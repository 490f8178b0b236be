package io.roxxane.provisioner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.provisioner.engine.FakeCloud.FakeSpec;
import io.roxxane.provisioner.engine.GraphRunner.Direction;
import io.roxxane.provisioner.engine.GraphRunner.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GraphRunnerTest {
    private final FakeCloud cloud = new FakeCloud();

    @Test
    void order_whenCycle_rejectsNamingIt() {
        List<Resource<?>> cyclic = List.of(cloud.resource("a", new FakeSpec("", 0), "b"),
                cloud.resource("b", new FakeSpec("", 0), "a"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> GraphRunner.order(cyclic));

        assertTrue(error.getMessage().contains("cycle"), error.getMessage());
    }

    @Test
    void order_whenDependencyUnknown_rejectsNamingIt() {
        List<Resource<?>> broken = List.of(cloud.resource("a", new FakeSpec("", 0), "missing"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> GraphRunner.order(broken));

        assertTrue(error.getMessage().contains("missing"), error.getMessage());
    }

    @Test
    void run_whenResourcesIndependent_runsThemAtTheSameTime() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Resource<?>> independent = List.of(cloud.resource("a", new FakeSpec("", 0)), cloud.resource("b", new FakeSpec("", 0)));

        Map<String, GraphRunner.Outcome> outcomes = new GraphRunner(2).run(independent, Direction.DEPENDENCIES_FIRST, resource -> {
            bothStarted.countDown();
            // Only returns true if the other task started while this one was still running.
            if (!bothStarted.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ran one after the other");
            }
            return "ok";
        }, outcome -> { });

        assertEquals(Status.OK, outcomes.get("a").status(), outcomes.toString());
        assertEquals(Status.OK, outcomes.get("b").status(), outcomes.toString());
    }

    @Test
    void run_whenDependentsFirst_runsInReverseDependencyOrder() {
        List<Resource<?>> chain = List.of(cloud.resource("c", new FakeSpec("", 0), "b"), cloud.resource("b", new FakeSpec("", 0), "a"),
                cloud.resource("a", new FakeSpec("", 0)));
        List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        new GraphRunner(4).run(chain, Direction.DEPENDENTS_FIRST, resource -> {
            order.add(resource.key());
            return "";
        }, outcome -> { });

        assertEquals(List.of("c", "b", "a"), order);
    }
}
