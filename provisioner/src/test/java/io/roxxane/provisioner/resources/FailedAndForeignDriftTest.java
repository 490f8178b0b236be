package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.aws.AwsClients;
import io.roxxane.provisioner.aws.IamPropagation;
import io.roxxane.provisioner.config.Setting;
import io.roxxane.provisioner.engine.Action;
import io.roxxane.provisioner.engine.Operations;
import io.roxxane.provisioner.engine.Progress;
import io.roxxane.provisioner.engine.Resource;
import io.roxxane.provisioner.resources.spec.DeliveryStreamSpec;
import io.roxxane.provisioner.resources.spec.FunctionSpec;
import io.roxxane.provisioner.stack.StackLayout;
import io.roxxane.provisioner.stack.TestStacks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamResponse;
import software.amazon.awssdk.services.firehose.model.ListTagsForDeliveryStreamResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.RemovePermissionRequest;
import software.amazon.awssdk.services.lambda.model.RemovePermissionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What status must report though the configuration matches: a function Lambda marks Failed, a
 * stream Firehose marks CREATING_FAILED / DELETING_FAILED, a resource-policy statement the stack
 * did not add. The emulator cannot produce these states, so the clients are scripted.
 */
class FailedAndForeignDriftTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private StackContext context(LambdaClient lambda, FirehoseClient firehose) {
        StackLayout layout = TestStacks.layout(directory, Map.of(Setting.STACK_NAME, "shop"));
        return new StackContext(layout, AwsClients.of(Region.EU_WEST_1, null, null, lambda, null, firehose, null, null),
                new IamPropagation(Duration.ofSeconds(10), pause -> { }));
    }

    private Operations.Report status(Resource<?> resource) {
        return new Operations(List.of(alone(resource)), "shop", new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8)), 1)
                .status();
    }

    /** The resource without its dependencies, so that it can be planned on its own. */
    private static <S extends Record> Resource<S> alone(Resource<S> resource) {
        return new Resource<>() {
            public String key() { return resource.key(); }
            public String type() { return resource.type(); }
            public String name() { return resource.name(); }
            public String arn() { return resource.arn(); }
            public List<String> dependsOn() { return List.of(); }
            public S desired() { return resource.desired(); }
            public io.roxxane.provisioner.engine.Observation<S> read() { return resource.read(); }
            public void create() { resource.create(); }
            public void update(S current, List<io.roxxane.provisioner.engine.Difference> differences) {
                resource.update(current, differences);
            }
            public io.roxxane.provisioner.engine.DeleteResult delete(boolean deleteData) { return resource.delete(deleteData); }
            public Set<String> replacedOnChange() { return resource.replacedOnChange(); }
        };
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private FunctionResource transform(StackContext context) {
        StackLayout layout = context.layout();
        return new FunctionResource(context, "transform-function", "shop-transform", "t", layout.settings().transformJar(),
                "h::handleRequest", layout.roleArn("shop-transform-role"), 512, 60, Map.of(), List.of(), Set.of());
    }

    /** The function exactly as desired, but for the given state and policy. */
    private FakeClient<LambdaClient> lambda(FunctionResource function, State state, LastUpdateStatus lastUpdate, String policy) {
        FunctionSpec desired = function.desired();
        FunctionConfiguration configuration = FunctionConfiguration.builder().runtime(desired.runtime()).handler(desired.handler())
                .role(desired.roleArn()).memorySize(desired.memoryMb()).timeout(desired.timeoutSeconds())
                .codeSha256(desired.codeSha256()).state(state).stateReasonCode("InvalidZipFileException")
                .stateReason("Lambda was unable to unzip the code").lastUpdateStatus(lastUpdate)
                .lastUpdateStatusReasonCode("InvalidConfiguration").lastUpdateStatusReason("out of capacity").build();
        return FakeClient.of(LambdaClient.class)
                .on("getFunction", request -> GetFunctionResponse.builder().configuration(configuration)
                        .tags(Map.of("roxxane:stack", "shop")).build())
                .on("getPolicy", request -> {
                    if (policy == null) {
                        throw ResourceNotFoundException.builder().message("no policy").statusCode(404).build();
                    }
                    return GetPolicyResponse.builder().policy(policy).build();
                })
                .on("removePermission", request -> RemovePermissionResponse.builder().build());
    }

    @Test
    void status_whenFunctionStateFailed_reportsItDriftedWithTheFixAndApplyReplacesIt() {
        FakeClient<LambdaClient>[] fake = new FakeClient[1];
        StackContext context = context(null, null);
        FunctionResource probe = transform(context);
        fake[0] = lambda(probe, State.FAILED, LastUpdateStatus.SUCCESSFUL, null);
        FunctionResource function = transform(context(fake[0].client(), null));

        Operations.Report report = status(function);

        assertEquals(Action.REPLACE, report.changes().get(0).action(), output());
        assertTrue(output().contains("~ Lambda function shop-transform: drifted: state: Failed, Lambda cannot run it: apply deletes"
                + " and re-creates the function (InvalidZipFileException: "), output());
        assertTrue(output().contains("-> Active - apply replaces it (cannot change in place: state)"), output());
    }

    @Test
    void status_whenLastUpdateFailed_reportsItAndApplyRepeatsTheUpdate() {
        FunctionResource probe = transform(context(null, null));
        FakeClient<LambdaClient> fake = lambda(probe, State.ACTIVE, LastUpdateStatus.FAILED, null);
        FunctionResource function = transform(context(fake.client(), null));

        Operations.Report report = status(function);

        assertEquals(Action.UPDATE, report.changes().get(0).action(), output());
        assertTrue(output().contains("drifted: lastUpdate: Failed: apply uploads the code and configuration again"
                + " (InvalidConfiguration: out of capacity) -> Successful"), output());
    }

    @Test
    void statusAndUpdate_whenTransformPolicyHasAStatementTheStackDidNotAdd_reportItAndRemoveIt() {
        String policy = "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"anyone\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:eu-west-1:123456789012:function:shop-transform\"}]}";
        FunctionResource probe = transform(context(null, null));
        FakeClient<LambdaClient> fake = lambda(probe, State.ACTIVE, LastUpdateStatus.SUCCESSFUL, policy);
        FunctionResource function = transform(context(fake.client(), null));

        Operations.Report report = status(function);

        assertEquals(Action.UPDATE, report.changes().get(0).action(), output());
        assertTrue(output().contains("drifted: foreignPolicyStatements: [anyone (principal \"*\", Allow \"lambda:InvokeFunction\")] -> []"),
                output());

        function.update(function.read().spec().orElseThrow(), report.changes().get(0).differences());

        List<String> removed = fake.requests().stream().filter(RemovePermissionRequest.class::isInstance)
                .map(request -> ((RemovePermissionRequest) request).statementId()).toList();
        assertEquals(List.of("anyone"), removed);
    }

    @Test
    void foreignStatements_whenOnlyTheStacksOwnStatement_areNone() {
        String policy = "{\"Statement\":[{\"Sid\":\"roxxane-s3-invoke\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"s3.amazonaws.com\"},"
                + "\"Action\":\"lambda:InvokeFunction\"}]}";

        assertEquals(List.of(), FunctionResource.foreignStatements(policy, Set.of(InvokePermissionResource.STATEMENT_ID)));
        assertEquals(1, FunctionResource.foreignStatements(policy, Set.of()).size());
    }

    private FakeClient<FirehoseClient> firehose(DeliveryStreamSpec desired, DeliveryStreamStatus status) {
        DeliveryStreamDescription stream = DeliveryStreamDescription.builder().deliveryStreamName("shop-metrics")
                .deliveryStreamStatus(status).deliveryStreamType(desired.streamType())
                .failureDescription(f -> f.type("RETIRE_KMS_GRANT_FAILED").details("grant already retired"))
                .destinations(List.of()).build();
        return FakeClient.of(FirehoseClient.class)
                .on("describeDeliveryStream", request -> DescribeDeliveryStreamResponse.builder().deliveryStreamDescription(stream).build())
                .on("listTagsForDeliveryStream", request -> ListTagsForDeliveryStreamResponse.builder()
                        .tags(t -> t.key("roxxane:stack").value("shop")).build());
    }

    @Test
    void status_whenStreamCreatingFailedOrDeletingFailed_reportsItWithTheFixInsteadOfMatches() {
        for (DeliveryStreamStatus failed : List.of(DeliveryStreamStatus.CREATING_FAILED, DeliveryStreamStatus.DELETING_FAILED)) {
            printed.reset();
            DeliveryStreamSpec desired = DeliveryStreamResource.desiredSpec(context(null, null).layout());
            DeliveryStreamResource stream = new DeliveryStreamResource(context(null, firehose(desired, failed).client()), List.of());

            Operations.Report report = status(stream);

            assertEquals(Action.REPLACE, report.changes().get(0).action(), output());
            assertTrue(output().contains("~ Firehose stream shop-metrics: drifted: status: " + failed
                    + ", Firehose cannot repair it: apply deletes it"), output());
            assertTrue(output().contains("-> ACTIVE"), output());
            assertTrue(output().contains("- apply replaces it (cannot change in place: "), output());
        }
    }

    @Test
    void status_whenStreamActive_statusMatches() {
        DeliveryStreamSpec desired = DeliveryStreamResource.desiredSpec(context(null, null).layout());
        DeliveryStreamResource stream = new DeliveryStreamResource(context(null, firehose(desired, DeliveryStreamStatus.ACTIVE).client()), List.of());

        assertEquals(DeliveryStreamSpec.HEALTHY, stream.read().spec().orElseThrow().status());
    }

    @Test
    void createRequest_carriesTheStackTagSoNoCrashLeavesAnUntaggedBucket() {
        BucketResource bucket = new BucketResource(context(null, null));

        CreateBucketRequest request = bucket.createRequest();

        assertEquals(List.of("roxxane:stack=shop"), request.createBucketConfiguration().tags().stream()
                .map(tag -> tag.key() + "=" + tag.value()).toList());
        assertEquals("eu-west-1", request.createBucketConfiguration().locationConstraintAsString());
        assertEquals("BucketOwnerEnforced", request.objectOwnershipAsString());
    }
}
