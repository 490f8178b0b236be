package io.roxxane.agent.identity.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.fakes.FakeMetadataEndpoint;
import io.roxxane.agent.fakes.FakeMetadataEndpoint.Reply;
import io.roxxane.schema.Column;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ECS task metadata v4 against a loopback fake answering with AWS's documented examples. */
class EcsDetectorTest {
    @TempDir
    Path root;
    private FakeMetadataEndpoint ecs;

    @BeforeEach
    void startFake() throws Exception {
        ecs = new FakeMetadataEndpoint();
    }

    @AfterEach
    void stopFake() {
        ecs.close();
    }

    private Map<Column, String> detect(Problems problems) {
        EcsDetector detector = EcsDetector.forEnvironment(Machines.other(root)
                .env("ECS_CONTAINER_METADATA_URI_V4", ecs.ecsUri()).environment(), new Problems());
        assertNotNull(detector);
        return detector.detect(new MetadataHttp(), System.nanoTime() + TimeUnit.SECONDS.toNanos(2), problems);
    }

    @Test
    void detect_ec2LaunchType_buildsTheClusterArnFromItsShortName() {
        Problems problems = new Problems();
        Map<Column, String> expected = new EnumMap<>(Column.class);
        expected.put(Column.CLOUD_PROVIDER, "aws");
        expected.put(Column.CLOUD_PLATFORM, "aws_ecs");
        expected.put(Column.CLOUD_REGION, "us-west-2");
        expected.put(Column.CLOUD_AVAILABILITY_ZONE, "us-west-2d");
        expected.put(Column.CLOUD_ACCOUNT_ID, "111122223333");
        expected.put(Column.AWS_ECS_CLUSTER_ARN, "arn:aws:ecs:us-west-2:111122223333:cluster/default");
        expected.put(Column.AWS_ECS_TASK_ARN,
                "arn:aws:ecs:us-west-2:111122223333:task/default/158d1c8083dd49d6b527399fd6414f5c");
        expected.put(Column.AWS_ECS_TASK_FAMILY, "curltest");
        expected.put(Column.AWS_ECS_TASK_REVISION, "26");
        expected.put(Column.AWS_ECS_LAUNCHTYPE, "ec2");
        expected.put(Column.CONTAINER_NAME, "curl");
        assertEquals(expected, detect(problems));
        assertTrue(problems.close().isEmpty());
        assertEquals("[GET " + FakeMetadataEndpoint.ECS_PATH + ", GET " + FakeMetadataEndpoint.ECS_PATH + "/task]",
                ecs.requests().toString());
    }

    @Test
    void detect_fargate_keepsTheClusterArn() {
        ecs.reply("GET", FakeMetadataEndpoint.ECS_PATH, Reply.resource("ecs-v4-fargate-container.json"))
                .reply("GET", FakeMetadataEndpoint.ECS_PATH + "/task", Reply.resource("ecs-v4-fargate-task.json"));
        Map<Column, String> found = detect(new Problems());
        assertEquals("arn:aws:ecs:us-west-2:111122223333:cluster/default", found.get(Column.AWS_ECS_CLUSTER_ARN));
        assertEquals("fargate", found.get(Column.AWS_ECS_LAUNCHTYPE));
        assertEquals("3", found.get(Column.AWS_ECS_TASK_REVISION));
        assertEquals("us-west-2a", found.get(Column.CLOUD_AVAILABILITY_ZONE));
        assertEquals("curl", found.get(Column.CONTAINER_NAME));
    }

    @Test
    void detect_taskMetadataMissing_keepsTheContainerAndItsArn() {
        ecs.reply("GET", FakeMetadataEndpoint.ECS_PATH + "/task", Reply.status(404));
        Problems problems = new Problems();
        Map<Column, String> found = detect(problems);
        assertEquals("curl", found.get(Column.CONTAINER_NAME));
        assertEquals("us-west-2", found.get(Column.CLOUD_REGION), "from the container ARN");
        assertEquals("111122223333", found.get(Column.CLOUD_ACCOUNT_ID));
        assertNull(found.get(Column.AWS_ECS_TASK_ARN));
        assertNull(found.get(Column.AWS_ECS_CLUSTER_ARN));
        assertEquals(List.of("ECS task metadata at " + ecs.ecsUri() + "/task: HTTP 404"), problems.close());
    }

    @Test
    void detect_malformedAndMissing_givesNothing() {
        ecs.reply("GET", FakeMetadataEndpoint.ECS_PATH, Reply.ok("{\"Name\": \"curl\""))
                .reply("GET", FakeMetadataEndpoint.ECS_PATH + "/task", Reply.status(500));
        Problems problems = new Problems();
        assertTrue(detect(problems).isEmpty());
        List<String> reported = problems.close();
        assertEquals(2, reported.size(), reported.toString());
        assertTrue(reported.get(0).startsWith("ECS task metadata at " + ecs.ecsUri() + ": IOException: "),
                reported.get(0));
        assertEquals("ECS task metadata at " + ecs.ecsUri() + "/task: HTTP 500", reported.get(1));
    }

    @Test
    void forEnvironment_onlyWithAnHttpUri() {
        Problems problems = new Problems();
        assertNull(EcsDetector.forEnvironment(Machines.other(root).environment(), problems));
        assertNull(EcsDetector.forEnvironment(Machines.other(root).env("ECS_CONTAINER_METADATA_URI_V4", "  ")
                .environment(), problems));
        assertTrue(problems.close().isEmpty());
        Problems bad = new Problems();
        assertNull(EcsDetector.forEnvironment(Machines.other(root).env("ECS_CONTAINER_METADATA_URI_V4", "file:///etc/x")
                .environment(), bad));
        assertEquals(List.of("ECS_CONTAINER_METADATA_URI_V4 is not an http:// URL; ECS task metadata not asked"),
                bad.close());
    }
}
