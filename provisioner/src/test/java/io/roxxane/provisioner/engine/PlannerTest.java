package io.roxxane.provisioner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.provisioner.engine.FakeCloud.FakeSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final FakeCloud cloud = new FakeCloud();
    private final Planner planner = new Planner("test-stack");
    private final FakeCloud.FakeResource resource = cloud.resource("bucket", new FakeSpec("a", 64));

    @Test
    void plan_whenAbsent_creates() {
        Change change = planner.plan(resource, resource.read());

        assertEquals(Action.CREATE, change.action());
        assertEquals(List.of(), change.differences());
    }

    @Test
    void plan_whenEqualAndTagged_changesNothing() {
        cloud.exists("bucket", new FakeSpec("a", 64), "test-stack");

        assertEquals(Action.NONE, planner.plan(resource, resource.read()).action());
    }

    @Test
    void plan_whenOneFieldDrifted_updatesNamingFieldAndBothValues() {
        cloud.exists("bucket", new FakeSpec("a", 32), "test-stack");

        Change change = planner.plan(resource, resource.read());

        assertEquals(Action.UPDATE, change.action());
        assertEquals(List.of(new Difference("size", 64, 32)), change.differences());
        assertTrue(change.describe().contains("size: 32 -> 64"), change.describe());
    }

    @Test
    void plan_whenFieldCannotChangeInPlace_replaces() {
        cloud.exists("bucket", new FakeSpec("b", 64), "test-stack");

        Change change = planner.plan(resource.replacedOnChangeOf("setting"), resource.read());

        assertEquals(Action.REPLACE, change.action());
        assertTrue(change.reason().contains("setting"), change.reason());
    }

    @Test
    void plan_whenExistsUntagged_conflictsAndNeverAdopts() {
        cloud.exists("bucket", new FakeSpec("a", 64), null);

        Change change = planner.plan(resource, resource.read());

        assertEquals(Action.CONFLICT, change.action());
        assertTrue(change.reason().contains("untagged"), change.reason());
    }

    @Test
    void plan_whenTaggedForAnotherStack_conflicts() {
        cloud.exists("bucket", new FakeSpec("a", 64), "other");

        Change change = planner.plan(resource, resource.read());

        assertEquals(Action.CONFLICT, change.action());
        assertTrue(change.reason().contains("'other'"), change.reason());
    }
}
