package io.roxxane.provisioner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.provisioner.engine.FakeCloud.FakeSpec;
import io.roxxane.provisioner.engine.GraphRunner.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationsTest {
    private final FakeCloud cloud = new FakeCloud();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<Resource<?>> stack = List.of(
            cloud.resource("stream", new FakeSpec("s", 128), "bucket", "function", "role"),
            cloud.resource("function", new FakeSpec("f", 512), "role"),
            cloud.resource("role", new FakeSpec("r", 1)),
            cloud.resource("bucket", new FakeSpec("b", 0)));

    private Operations operations() {
        return new Operations(stack, "test-stack", new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8)), 4);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void apply_whenNothingExists_createsEverythingAfterItsDependencies() {
        Operations.Report report = operations().apply();

        assertFalse(report.failed());
        assertEquals(4, report.counts().get(Action.CREATE));
        List<String> calls = List.copyOf(cloud.calls);
        assertTrue(calls.indexOf("create role") < calls.indexOf("create function"), calls::toString);
        assertTrue(calls.indexOf("create function") < calls.indexOf("create stream"), calls::toString);
        assertTrue(calls.indexOf("create bucket") < calls.indexOf("create stream"), calls::toString);
        assertTrue(output().contains("+ Fake stream: created ("), output());
    }

    @Test
    void apply_whenRunTwice_secondChangesNothing() {
        operations().apply();
        cloud.calls.clear();

        Operations.Report second = operations().apply();

        assertFalse(second.hasChanges());
        assertEquals(4, second.counts().get(Action.NONE));
        assertEquals(List.of(), cloud.calls);
    }

    @Test
    void apply_whenOneResourceDrifted_updatesOnlyThatOne() {
        operations().apply();
        cloud.exists("function", new FakeSpec("f", 128), "test-stack");
        cloud.calls.clear();

        Operations.Report report = operations().apply();

        assertEquals(List.of("update function"), cloud.calls);
        assertEquals(1, report.counts().get(Action.UPDATE));
        assertEquals(new FakeSpec("f", 512), cloud.state.get("function").spec().orElseThrow());
    }

    @Test
    void apply_whenOneFails_skipsItsDependentsAndConvergesOnTheNextRun() {
        cloud.failing.add("function");

        Operations.Report failed = operations().apply();

        assertTrue(failed.failed());
        assertEquals(Status.FAILED, failed.outcomes().get("function").status());
        assertEquals(Status.SKIPPED, failed.outcomes().get("stream").status());
        assertEquals(Status.OK, failed.outcomes().get("bucket").status());
        assertFalse(cloud.calls.contains("create stream"));
        assertTrue(output().contains("skipped: function failed"), output());

        cloud.failing.clear();
        // The failed create left nothing behind; the role and bucket exist. The next run finishes the job.
        Operations.Report again = operations().apply();

        assertFalse(again.failed());
        assertEquals(2, again.counts().get(Action.CREATE));
        assertEquals(2, again.counts().get(Action.NONE));
    }

    @Test
    void apply_whenNameTakenByAnotherStack_failsThatResourceAndLeavesItAlone() {
        cloud.exists("role", new FakeSpec("r", 99), "someone-else");

        Operations.Report report = operations().apply();

        assertTrue(report.failed());
        assertEquals(Status.FAILED, report.outcomes().get("role").status());
        assertEquals(new FakeSpec("r", 99), cloud.state.get("role").spec().orElseThrow());
        assertFalse(cloud.calls.stream().anyMatch(call -> call.endsWith(" role")));
    }

    @Test
    void plan_whenStateDiffers_reportsWithoutChangingAnything() {
        cloud.exists("bucket", new FakeSpec("b", 7), "test-stack");

        Operations.Report report = operations().plan();

        assertEquals(List.of(), cloud.calls);
        assertEquals(3, report.counts().get(Action.CREATE));
        assertEquals(1, report.counts().get(Action.UPDATE));
        assertTrue(output().contains("~ Fake bucket: update (size: 7 -> 0)"), output());
    }

    @Test
    void status_whenDriftedAndMissing_saysWhichAndHow() {
        cloud.exists("bucket", new FakeSpec("b", 7), "test-stack");
        cloud.exists("role", new FakeSpec("r", 1), "test-stack");

        operations().status();

        assertTrue(output().contains("~ Fake bucket: drifted: size: 7 -> 0"), output());
        assertTrue(output().contains("= Fake role: exists, matches"), output());
        assertTrue(output().contains("+ Fake stream: missing"), output());
    }

    @Test
    void destroy_whenApplied_deletesDependentsFirstAndKeepsBucketData() {
        operations().apply();
        cloud.calls.clear();

        Operations.Report report = operations().destroy(false);

        assertFalse(report.failed());
        List<String> calls = List.copyOf(cloud.calls);
        assertTrue(calls.indexOf("delete stream") < calls.indexOf("delete function"), calls::toString);
        assertTrue(calls.indexOf("delete function") < calls.indexOf("delete role"), calls::toString);
        assertTrue(calls.indexOf("delete stream") < calls.indexOf("delete bucket"), calls::toString);
        assertTrue(cloud.state.containsKey("bucket"));
        assertTrue(output().contains("Fake bucket: kept, holds data"), output());
    }

    @Test
    void destroy_whenResourceNotTaggedForStack_leavesIt() {
        operations().apply();
        cloud.exists("role", new FakeSpec("r", 1), "other");
        cloud.calls.clear();

        operations().destroy(true);

        assertFalse(cloud.calls.contains("delete role"));
        assertTrue(cloud.calls.contains("delete bucket"));
        assertTrue(cloud.state.containsKey("role"));
        assertTrue(output().contains("kept, it does not carry roxxane:stack=test-stack"), output());
    }
}
