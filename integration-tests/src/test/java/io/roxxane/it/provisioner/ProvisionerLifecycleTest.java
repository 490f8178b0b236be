package io.roxxane.it.provisioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.it.TestResources;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import io.roxxane.testsupport.AwsEmulator;
import io.roxxane.testsupport.AwsEmulatorExtension;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * The provisioner's whole life against the emulator: apply, read every resource back, apply
 * again (no changes), drift and repair, a code change, destroy keeping data, destroy with data.
 * The emulator validates little, so every assertion reads configuration back with the SDK.
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvisionerLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path directory;
    private AwsEmulator aws;
    private String stack;
    private String bucket;
    private Path transformJar;
    private Path registrarJar;
    private Path stateFile;
    private ProvisionerRun provisioner;

    private S3Client s3;
    private IamClient iam;
    private LambdaClient lambda;
    private GlueClient glue;
    private CloudWatchLogsClient logs;
    private FirehoseClient firehose;

    @BeforeAll
    void setUp(AwsEmulator emulator, @TempDir Path temporary) throws IOException {
        aws = emulator;
        directory = temporary;
        stack = TestResources.uniqueName("it-");
        bucket = stack + "-data-" + aws.accountId() + "-" + aws.region();
        transformJar = StandInJars.copyOrCreate(directory, "transform", "transform.jar");
        registrarJar = StandInJars.copyOrCreate(directory, "partition-registrar", "partition-registrar.jar");
        stateFile = directory.resolve("state.json");
        Map<String, String> settings = new HashMap<>();
        settings.put("STACK_NAME", stack);
        settings.put("TRANSFORM_JAR", transformJar.toString());
        settings.put("REGISTRAR_JAR", registrarJar.toString());
        settings.put("STATE_FILE", stateFile.toString());
        settings.put("BUFFERING_SIZE", "64");
        settings.put("BUFFERING_TIME", "60");
        settings.put("DATA_EXPIRY_DAYS", "30");
        settings.put("LAMBDA_MEMORY_MB", "768");
        settings.put("IAM_PROPAGATION_TIMEOUT", "30");
        provisioner = new ProvisionerRun(aws, settings, directory);

        s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build();
        iam = aws.configure(IamClient.builder()).build();
        lambda = aws.configure(LambdaClient.builder()).build();
        glue = aws.configure(GlueClient.builder()).build();
        logs = aws.configure(CloudWatchLogsClient.builder()).build();
        firehose = aws.configure(FirehoseClient.builder()).build();
    }

    @AfterAll
    void tearDown() {
        if (provisioner != null) {
            provisioner.inProcess("destroy", "--delete-data");
        }
        TestResources.closeAll(s3, iam, lambda, glue, logs, firehose);
    }

    @Test
    @Order(1)
    void apply_whenNothingExists_createsTwelveResourcesAndPrintsAgentLine() throws IOException {
        ProvisionerRun.Result result = provisioner.child("apply");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("12 created, 0 updated, 0 replaced, 0 unchanged"), result.output());
        assertTrue(result.lines().stream().anyMatch(line -> line.matches("\\[ *\\d+\\.\\ds] \\+ Firehose stream " + stack
                + "-metrics: created \\(\\d+\\.\\ds\\)")), result.output());
        assertEquals("-javaagent:roxxane.jar=stream=" + stack + "-metrics,region=" + aws.region(), result.lastLine());
        JsonNode state = JSON.readTree(stateFile.toFile());
        assertEquals("arn:aws:firehose:" + aws.region() + ":" + aws.accountId() + ":deliverystream/" + stack + "-metrics",
                state.at("/resources/delivery-stream/arn").asText());
        assertEquals("arn:aws:iam::" + aws.accountId() + ":role/" + stack + "-firehose", state.at("/resources/firehose-role/arn").asText());
        assertEquals(result.lastLine(), state.get("agentArgument").asText());
    }

    @Test
    @Order(2)
    void bucket_whenApplied_isEncryptedPrivateOwnerEnforcedTlsOnlyExpiringAndTagged() {
        assertEquals("AES256", s3.getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault().sseAlgorithmAsString());
        PublicAccessBlockConfiguration block = s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
        assertTrue(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy() && block.restrictPublicBuckets());
        assertEquals("BucketOwnerEnforced", s3.getBucketOwnershipControls(r -> r.bucket(bucket)).ownershipControls().rules().get(0)
                .objectOwnershipAsString());
        JsonNode policy = json(s3.getBucketPolicy(r -> r.bucket(bucket)).policy()).get("Statement").get(0);
        assertEquals("Deny", policy.get("Effect").asText());
        assertEquals("false", policy.at("/Condition/Bool/aws:SecureTransport").asText());
        var rule = s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules().get(0);
        assertEquals(30, rule.expiration().days());
        assertEquals(stack, s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().stream()
                .filter(t -> t.key().equals("roxxane:stack")).findFirst().orElseThrow().value());
        LambdaFunctionConfiguration notification = s3.getBucketNotificationConfiguration(r -> r.bucket(bucket))
                .lambdaFunctionConfigurations().get(0);
        assertEquals(functionArn(stack + "-partition-registrar"), notification.lambdaFunctionArn());
        assertEquals(List.of("s3:ObjectCreated:*"), notification.eventsAsStrings());
        assertEquals("metrics/", notification.filter().key().filterRules().get(0).value());
    }

    @Test
    @Order(2)
    void roles_whenApplied_trustOnlyTheirServiceAndAreScopedToThisStack() {
        JsonNode firehoseTrust = json(iam.getRole(r -> r.roleName(stack + "-firehose")).role().assumeRolePolicyDocument());
        assertEquals("firehose.amazonaws.com", firehoseTrust.at("/Statement/0/Principal/Service").asText());
        assertEquals(aws.accountId(), firehoseTrust.at("/Statement/0/Condition/StringEquals/sts:ExternalId").asText());
        JsonNode deliver = json(iam.getRolePolicy(r -> r.roleName(stack + "-firehose").policyName("deliver")).policyDocument());
        String resources = deliver.findValues("Resource").toString();
        assertTrue(resources.contains("arn:aws:s3:::" + bucket + "/*"), resources);
        assertTrue(resources.contains(functionArn(stack + "-transform")), resources);
        assertTrue(resources.contains(":table/" + glueDatabase() + "/metrics"), resources);
        assertTrue(resources.contains(":log-group:/aws/kinesisfirehose/" + stack + "-metrics:log-stream:*"), resources);
        assertFalse(resources.contains("\"*\""), resources);

        JsonNode lambdaTrust = json(iam.getRole(r -> r.roleName(stack + "-transform-role")).role().assumeRolePolicyDocument());
        assertEquals("lambda.amazonaws.com", lambdaTrust.at("/Statement/0/Principal/Service").asText());
        assertEquals(List.of(), iam.listAttachedRolePolicies(r -> r.roleName(stack + "-transform-role")).attachedPolicies());
        JsonNode registrar = json(iam.getRolePolicy(r -> r.roleName(stack + "-partition-registrar-role")
                .policyName("register-partitions")).policyDocument());
        assertTrue(registrar.findValues("Action").toString().contains("glue:BatchCreatePartition"), registrar.toString());
    }

    @Test
    @Order(2)
    void functions_whenApplied_runJava21WithTheJarsCodeAndSettings() throws Exception {
        var transform = lambda.getFunctionConfiguration(r -> r.functionName(stack + "-transform"));
        assertEquals("java21", transform.runtimeAsString());
        assertEquals("io.roxxane.transform.FirehoseTransformHandler::handleRequest", transform.handler());
        assertEquals(768, transform.memorySize());
        assertEquals(60, transform.timeout());
        assertEquals("arn:aws:iam::" + aws.accountId() + ":role/" + stack + "-transform-role", transform.role());
        assertEquals(sha256(transformJar), transform.codeSha256());
        assertEquals(Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"),
                transform.environment().variables());

        var registrar = lambda.getFunctionConfiguration(r -> r.functionName(stack + "-partition-registrar"));
        assertEquals("io.roxxane.registrar.PartitionRegistrarHandler::handleRequest", registrar.handler());
        assertEquals(Map.of("GLUE_DATABASE", glueDatabase(), "GLUE_TABLE", "metrics",
                "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"), registrar.environment().variables());
        assertEquals(sha256(registrarJar), registrar.codeSha256());
        JsonNode permission = json(lambda.getPolicy(r -> r.functionName(stack + "-partition-registrar")).policy())
                .get("Statement").get(0);
        assertEquals("roxxane-s3-invoke", permission.get("Sid").asText());
        assertTrue(permission.toString().contains("arn:aws:s3:::" + bucket), permission.toString());
        assertTrue(permission.toString().contains(aws.accountId()), permission.toString());
    }

    @Test
    @Order(2)
    void glueTable_whenApplied_hasSchemaColumnsPartitionKeysAndParquetStorage() {
        Table table = glue.getTable(r -> r.databaseName(glueDatabase()).name("metrics")).table();

        assertEquals(Column.tableColumns().stream().map(c -> c.columnName() + ":" + c.type().glueType()).toList(),
                table.storageDescriptor().columns().stream().map(c -> c.name() + ":" + c.type()).toList());
        assertEquals(PartitionRule.KEYS.stream().map(k -> k + ":string").toList(),
                table.partitionKeys().stream().map(c -> c.name() + ":" + c.type()).toList());
        assertEquals("s3://" + bucket + "/metrics/", table.storageDescriptor().location());
        assertEquals("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                table.storageDescriptor().serdeInfo().serializationLibrary());
        assertFalse(table.parameters().keySet().stream().anyMatch(key -> key.startsWith("projection")), table.parameters().toString());
    }

    @Test
    @Order(2)
    void deliveryStream_whenApplied_isDirectPutWithDeaggregationLambdaPartitioningAndParquet() {
        var stream = firehose.describeDeliveryStream(r -> r.deliveryStreamName(stack + "-metrics")).deliveryStreamDescription();
        ExtendedS3DestinationDescription s3Destination = stream.destinations().get(0).extendedS3DestinationDescription();

        assertEquals("DirectPut", stream.deliveryStreamTypeAsString());
        assertEquals("arn:aws:s3:::" + bucket, s3Destination.bucketARN());
        assertEquals("metrics/service=!{partitionKeyFromLambda:service}/year=!{partitionKeyFromLambda:year}"
                + "/month=!{partitionKeyFromLambda:month}/day=!{partitionKeyFromLambda:day}/hour=!{partitionKeyFromLambda:hour}/",
                s3Destination.prefix());
        assertTrue(s3Destination.errorOutputPrefix().startsWith("errors/!{firehose:error-output-type}/"));
        assertEquals(64, s3Destination.bufferingHints().sizeInMBs());
        assertEquals(60, s3Destination.bufferingHints().intervalInSeconds());
        assertEquals("UNCOMPRESSED", s3Destination.compressionFormatAsString());
        assertEquals(List.of("RecordDeAggregation", "Lambda"), s3Destination.processingConfiguration().processors().stream()
                .map(p -> p.typeAsString()).toList());
        assertTrue(s3Destination.dynamicPartitioningConfiguration().enabled());
        var conversion = s3Destination.dataFormatConversionConfiguration();
        assertTrue(conversion.enabled());
        assertEquals("SNAPPY", conversion.outputFormatConfiguration().serializer().parquetSerDe().compressionAsString());
        assertEquals("metrics", conversion.schemaConfiguration().tableName());
        assertEquals(glueDatabase(), conversion.schemaConfiguration().databaseName());
        assertTrue(s3Destination.cloudWatchLoggingOptions().enabled());
        assertEquals("/aws/kinesisfirehose/" + stack + "-metrics", s3Destination.cloudWatchLoggingOptions().logGroupName());
        LogGroup group = logs.describeLogGroups(r -> r.logGroupNamePrefix("/aws/kinesisfirehose/" + stack)).logGroups().get(0);
        assertEquals(14, group.retentionInDays());
    }

    @Test
    @Order(3)
    void apply_whenRunAgain_changesNothing() {
        ProvisionerRun.Result plan = provisioner.inProcess("plan", "--detailed-exitcode");
        assertEquals(0, plan.exitCode(), plan.output());

        ProvisionerRun.Result again = provisioner.inProcess("apply");

        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("0 created, 0 updated, 0 replaced, 12 unchanged"), again.output());
    }

    @Test
    @Order(3)
    void apply_whenEndpointUrlFlagGiven_agentLineNamesTheEndpoint() {
        ProvisionerRun.Result again = provisioner.inProcess("apply", "--endpoint-url", aws.endpoint().toString());

        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("  ENDPOINT_URL=" + aws.endpoint() + "  (flag --endpoint-url)"), again.output());
        assertEquals("-javaagent:roxxane.jar=stream=" + stack + "-metrics,region=" + aws.region() + ",endpoint=" + aws.endpoint(),
                again.lastLine());
    }

    @Test
    @Order(4)
    void statusAndApply_whenStreamRolesBucketPolicyAndTableDrifted_reportAndRepairEach() {
        String stream = stack + "-metrics";
        var description = firehose.describeDeliveryStream(r -> r.deliveryStreamName(stream)).deliveryStreamDescription();
        firehose.updateDestination(r -> r.deliveryStreamName(stream).currentDeliveryStreamVersionId(description.versionId())
                .destinationId(description.destinations().get(0).destinationId())
                .extendedS3DestinationUpdate(u -> u.bufferingHints(b -> b.sizeInMBs(100).intervalInSeconds(120))));
        iam.putRolePolicy(r -> r.roleName(stack + "-firehose").policyName("extra").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"));
        String managed = iam.createPolicy(r -> r.policyName(stack + "-extra").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"))
                .policy().arn();
        iam.attachRolePolicy(r -> r.roleName(stack + "-transform-role").policyArn(managed));
        s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(false)
                .ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(true)));
        lambda.addPermission(r -> r.functionName(stack + "-transform").statementId("anyone").action("lambda:InvokeFunction")
                .principal("*"));
        Table table = glue.getTable(r -> r.databaseName(glueDatabase()).name("metrics")).table();
        Map<String, String> parameters = new HashMap<>(table.parameters());
        parameters.put("projection.enabled", "true");
        parameters.put("projection.service.type", "injected");
        parameters.put("owner_team", "analytics");
        glue.updateTable(r -> r.databaseName(glueDatabase()).tableInput(t -> t.name("metrics").tableType(table.tableType())
                .parameters(parameters).partitionKeys(table.partitionKeys()).storageDescriptor(table.storageDescriptor())));

        ProvisionerRun.Result status = provisioner.inProcess("status");

        assertEquals(2, status.exitCode(), status.output());
        assertTrue(status.output().contains("Firehose stream " + stream + ": drifted: bufferingSizeMiB: 100 -> 64;"
                + " bufferingIntervalSeconds: 120 -> 60"), status.output());
        assertTrue(status.output().contains("IAM role " + stack + "-firehose: drifted: inlinePolicies: {deliver="), status.output());
        assertTrue(status.output().contains("IAM role " + stack + "-transform-role: drifted: attachedPolicyArns: [" + managed + "] -> []"),
                status.output());
        assertTrue(status.output().contains("S3 bucket " + bucket + ": drifted: blockPublicAcls: false -> true; blockPublicPolicy: false -> true"),
                status.output());
        assertTrue(status.output().contains("Lambda function " + stack + "-transform: drifted: foreignPolicyStatements: [anyone (principal"),
                status.output());
        assertTrue(status.output().contains("Glue table " + glueDatabase() + ".metrics: drifted: contradictingParameters:"
                + " {projection.enabled=true, projection.service.type=injected} -> {}"), status.output());

        ProvisionerRun.Result repair = provisioner.inProcess("apply");

        assertEquals(0, repair.exitCode(), repair.output());
        assertTrue(repair.output().contains("0 created, 6 updated, 0 replaced, 6 unchanged"), repair.output());
        var hints = firehose.describeDeliveryStream(r -> r.deliveryStreamName(stream)).deliveryStreamDescription().destinations().get(0)
                .extendedS3DestinationDescription().bufferingHints();
        assertEquals(List.of(64, 60), List.of(hints.sizeInMBs(), hints.intervalInSeconds()));
        assertEquals(List.of("deliver"), iam.listRolePolicies(r -> r.roleName(stack + "-firehose")).policyNames());
        assertEquals(List.of(), iam.listAttachedRolePolicies(r -> r.roleName(stack + "-transform-role")).attachedPolicies());
        PublicAccessBlockConfiguration block = s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
        assertTrue(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy() && block.restrictPublicBuckets());
        assertFalse(transformPolicy().contains("anyone"), transformPolicy());
        Map<String, String> repaired = glue.getTable(r -> r.databaseName(glueDatabase()).name("metrics")).table().parameters();
        assertFalse(repaired.keySet().stream().anyMatch(key -> key.startsWith("projection.")), repaired.toString());
        assertEquals("analytics", repaired.get("owner_team"), repaired.toString());
        assertEquals(stack, repaired.get("roxxane:stack"));
        assertEquals(0, provisioner.inProcess("status").exitCode());
        iam.deletePolicy(r -> r.policyArn(managed));
    }

    /** The transform function's resource policy, "" when it has none. */
    private String transformPolicy() {
        try {
            return lambda.getPolicy(r -> r.functionName(stack + "-transform")).policy();
        } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
            return "";
        }
    }

    @Test
    @Order(2)
    void taggedResources_whenMoreStreamsThanOnePage_findsThemAll() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = stack + "-page-" + i;
            names.add(name);
            firehose.createDeliveryStream(r -> r.deliveryStreamName(name).extendedS3DestinationConfiguration(d -> d
                    .bucketARN("arn:aws:s3:::" + bucket).roleARN("arn:aws:iam::" + aws.accountId() + ":role/" + stack + "-firehose")));
        }
        try {
            List<String> found = TaggedResources.deliveryStreamNames(firehose);

            assertTrue(found.containsAll(names), found.toString());
            assertTrue(found.contains(stack + "-metrics"), found.toString());
        } finally {
            names.forEach(name -> firehose.deleteDeliveryStream(r -> r.deliveryStreamName(name)));
        }
    }

    @Test
    @Order(5)
    void statusAndApply_whenSettingsDrifted_reportAndRepairThem() {
        lambda.updateFunctionConfiguration(r -> r.functionName(stack + "-transform").memorySize(1024));
        s3.deleteBucketLifecycle(r -> r.bucket(bucket));

        ProvisionerRun.Result status = provisioner.inProcess("status");

        assertEquals(2, status.exitCode(), status.output());
        assertTrue(status.output().contains("Lambda function " + stack + "-transform: drifted: memoryMb: 1024 -> 768"), status.output());
        assertTrue(status.output().contains("S3 bucket " + bucket + ": drifted: expiryDays: 0 -> 30"), status.output());
        assertEquals(2, provisioner.inProcess("plan", "--detailed-exitcode").exitCode());

        ProvisionerRun.Result repair = provisioner.inProcess("apply");

        assertEquals(0, repair.exitCode(), repair.output());
        assertTrue(repair.output().contains("0 created, 2 updated, 0 replaced, 10 unchanged"), repair.output());
        assertEquals(768, lambda.getFunctionConfiguration(r -> r.functionName(stack + "-transform")).memorySize());
        assertEquals(30, s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules().get(0).expiration().days());
        assertEquals(0, provisioner.inProcess("status").exitCode());
    }

    @Test
    @Order(6)
    void apply_whenJarChanged_uploadsNewCodeOnly() throws Exception {
        StandInJars.change(transformJar, stack);

        ProvisionerRun.Result result = provisioner.inProcess("apply");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("~ Lambda function " + stack + "-transform: updated (codeSha256: "), result.output());
        assertTrue(result.output().contains("0 created, 1 updated"), result.output());
        assertEquals(sha256(transformJar), lambda.getFunctionConfiguration(r -> r.functionName(stack + "-transform")).codeSha256());
    }

    @Test
    @Order(7)
    void destroy_whenBucketHoldsData_deletesEverythingElseAndKeepsBucketWithData() {
        // moto applies the TLS-only Deny to every object request; lift it to write one object.
        s3.deleteBucketPolicy(r -> r.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("metrics/service=a/year=2026/month=01/day=01/hour=00/x.parquet"),
                RequestBody.fromString("data"));

        ProvisionerRun.Result result = provisioner.child("destroy");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("S3 bucket " + bucket + ": kept, holds data"), result.output());
        assertEquals(List.of("bucket " + bucket), TaggedResources.find(aws, stack));
        assertEquals(1, s3.listObjectsV2(r -> r.bucket(bucket)).keyCount());
        assertThrows(NoSuchEntityException.class, () -> iam.getRole(r -> r.roleName(stack + "-firehose")));
        assertFalse(Files.exists(stateFile));
    }

    @Test
    @Order(8)
    void destroy_whenDeleteData_removesBucketAndNothingTaggedRemains() {
        ProvisionerRun.Result result = provisioner.inProcess("destroy", "--delete-data");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("S3 bucket " + bucket + ": deleted"), result.output());
        assertEquals(List.of(), TaggedResources.find(aws, stack));
        assertFalse(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)));
    }

    @Test
    @Order(9)
    void apply_whenSettingInvalid_exits64BeforeAnyAwsCall() {
        Map<String, String> settings = new HashMap<>();
        settings.put("BUFFERING_SIZE", "32");
        settings.put("TRANSFORM_JAR", transformJar.toString());
        settings.put("REGISTRAR_JAR", registrarJar.toString());
        // Nothing listens on port 9: reaching AWS would fail differently.
        ProvisionerRun invalid = new ProvisionerRun(aws, settings, directory);

        ProvisionerRun.Result result = invalid.inProcess("apply", "--endpoint-url", "http://127.0.0.1:9");

        assertEquals(64, result.exitCode(), result.output());
        assertTrue(result.output().contains("config error: BUFFERING_SIZE='32' is not allowed: expected 64..128 MiB"), result.output());
    }

    private String glueDatabase() {
        return stack.replace('-', '_');
    }

    private String functionArn(String name) {
        return "arn:aws:lambda:" + aws.region() + ":" + aws.accountId() + ":function:" + name;
    }

    private static JsonNode json(String document) {
        String text = document.strip().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + document, e);
        }
    }

    private static String sha256(Path file) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
