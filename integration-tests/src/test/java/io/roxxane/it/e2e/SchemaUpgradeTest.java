package io.roxxane.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roxxane.it.BuiltJars;
import io.roxxane.it.TestResources;
import io.roxxane.it.provisioner.ProvisionerRun;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A stack made by the schema-1 provisioner, holding data, upgraded by this one (issue 18): the
 * Glue table and the stream are updated in place, partitions and objects stay as they were, and
 * schema-1 and schema-2 samples then flow side by side. In order, on one stack:
 * <ol>
 *   <li>apply the stack as the schema-1 provisioner made it ({@code StackResources.of(context, 1)});</li>
 *   <li>data of the schema-1 era: a sample through the stream, a converted object under its
 *       partition, the partition registered as the registrar does;</li>
 *   <li>{@code plan}: the table and the stream to update, nothing to create or replace;</li>
 *   <li>{@code apply} (the built jar): the table has every column at the same location, partitions and
 *       objects are untouched, the stream is the same stream reading keys as written;</li>
 *   <li>schema-1 and schema-2 samples put after the upgrade pass the transform and fit the table.</li>
 * </ol>
 */
@ExtendWith(io.roxxane.testsupport.AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaUpgradeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "metrics";

    private io.roxxane.testsupport.AwsEmulator aws;
    private String stack;
    private String streamName;
    private String bucket;
    private String database;
    private Path transformJar;
    private ProvisionerRun provisioner;
    private S3Client s3;
    private FirehoseClient firehose;
    private LambdaClient lambda;
    private GlueClient glue;

    private DeliveryStreamDescription streamBefore;
    private Table tableBefore;
    private List<Partition> partitionsBefore;
    private Map<String, String> objectsBefore;

    @BeforeAll
    void setUp(io.roxxane.testsupport.AwsEmulator emulator, @TempDir Path directory) {
        aws = emulator;
        stack = TestResources.uniqueName("up-");
        streamName = stack + "-metrics";
        bucket = stack + "-data-" + aws.accountId() + "-" + aws.region();
        database = stack.replace('-', '_');
        transformJar = BuiltJars.transform();
        Map<String, String> settings = new HashMap<>();
        settings.put("STACK_NAME", stack);
        settings.put("PREFIX", PREFIX);
        settings.put("TRANSFORM_JAR", transformJar.toString());
        settings.put("REGISTRAR_JAR", BuiltJars.registrar().toString());
        settings.put("STATE_FILE", directory.resolve("state.json").toString());
        settings.put("IAM_PROPAGATION_TIMEOUT", "30");
        provisioner = new ProvisionerRun(aws, settings, directory);
        s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build();
        firehose = aws.configure(FirehoseClient.builder()).build();
        lambda = aws.configure(LambdaClient.builder()).build();
        glue = aws.configure(GlueClient.builder()).build();
    }

    @AfterAll
    void tearDown() {
        if (provisioner != null) {
            provisioner.inProcess("destroy", "--delete-data");
        }
        TestResources.closeAll(s3, firehose, lambda, glue);
    }

    @Test
    @Order(1)
    void schema1Provisioner_createsTheSchema1TableAndACaseInsensitiveStream() {
        ProvisionerRun.Result apply = provisioner.applyAtSchemaVersion(1);

        assertEquals(0, apply.exitCode(), apply.output());
        Table table = table();
        assertEquals(Column.tableColumns().stream().filter(c -> c.sinceVersion() == 1).map(Column::columnName).toList(),
                table.storageDescriptor().columns().stream().map(c -> c.name()).toList());
        assertEquals("1", table.parameters().get("roxxane:schema_version"));
        assertEquals("OpenX case-insensitive", StreamConfiguration.read(firehose, lambda, streamName).inputSerDe());
    }

    @Test
    @Order(2)
    void schema1Era_leavesAnObjectAPartitionAndARawRecord() throws Exception {
        Table table = table();
        String policy = liftBucketPolicy();
        PartitionKeys keys = PartitionRule.keysFor("checkout", 1_763_900_000_000L);
        String folder = PREFIX + "/" + PartitionRule.pathFor("checkout", 1_763_900_000_000L);
        s3.putObject(r -> r.bucket(bucket).key(folder + "stand-in-for-parquet.parquet"),
                RequestBody.fromString("PAR1 written before the upgrade PAR1"));
        glue.createPartition(r -> r.databaseName(database).tableName("metrics").partitionInput(p -> p
                .values(keys.service(), keys.year(), keys.month(), keys.day(), keys.hour())
                .storageDescriptor(table.storageDescriptor().toBuilder().location("s3://" + bucket + "/" + folder).build())));
        put(schema1Sample(System.currentTimeMillis()));

        streamBefore = describeStream();
        tableBefore = table;
        partitionsBefore = partitions();
        objectsBefore = objects();
        restoreBucketPolicy(policy);
        assertEquals(1, partitionsBefore.size());
        assertTrue(objectsBefore.size() >= 2, objectsBefore.toString());
    }

    @Test
    @Order(3)
    void plan_showsTheTableAndTheStreamAsUpdatesOnly() {
        ProvisionerRun.Result plan = provisioner.inProcess("plan", "--detailed-exitcode");
        System.out.println("[schema upgrade] plan on the schema-1 stack:\n" + plan.output());

        assertEquals(2, plan.exitCode(), plan.output());
        int added = (int) Column.tableColumns().stream().filter(c -> c.sinceVersion() == 2).count();
        assertTrue(plan.output().contains("~ Glue table " + database + ".metrics: update (columns: " + added + " added [jvm_memory_pools"),
                plan.output());
        assertTrue(plan.output().contains("~ Firehose stream " + streamName
                + ": update (deserializer: OpenXJsonSerDe {CaseInsensitive=true} -> HiveJsonSerDe)"), plan.output());
        assertTrue(plan.output().contains("Plan: 0 to create, 2 to update, 0 to replace, 10 unchanged, 0 conflicts."), plan.output());
    }

    @Test
    @Order(4)
    void apply_updatesTableAndStreamInPlace_keepingPartitionsAndObjects() {
        assertNotNull(tableBefore, "step 2 did not run");
        ProvisionerRun.Result apply = provisioner.child("apply");

        assertEquals(0, apply.exitCode(), apply.output());
        assertTrue(apply.output().contains("0 created, 2 updated, 0 replaced, 10 unchanged"), apply.output());
        Table table = table();
        Map<String, String> expected = new LinkedHashMap<>();
        Column.tableColumns().forEach(c -> expected.put(c.columnName(), c.type().glueType()));
        Map<String, String> actual = new LinkedHashMap<>();
        table.storageDescriptor().columns().forEach(c -> actual.put(c.name(), c.type()));
        assertEquals(expected, actual);
        assertEquals(tableBefore.storageDescriptor().location(), table.storageDescriptor().location());
        assertEquals(tableBefore.partitionKeys(), table.partitionKeys());
        assertEquals("2", table.parameters().get("roxxane:schema_version"));
        assertEquals(partitionsBefore, partitions(), "partitions as they were, their own columns included");
        String policy = liftBucketPolicy();
        Map<String, String> objects = objects();
        restoreBucketPolicy(policy);
        assertEquals(objectsBefore, objects, "every object of the schema-1 era, with its ETag");

        DeliveryStreamDescription stream = describeStream();
        assertEquals(streamBefore.deliveryStreamARN(), stream.deliveryStreamARN());
        assertEquals(streamBefore.createTimestamp(), stream.createTimestamp(), "the same stream, not a new one");
        assertEquals(streamBefore.destinations().get(0).destinationId(), stream.destinations().get(0).destinationId());
        assertEquals("Hive", StreamConfiguration.read(firehose, lambda, streamName).inputSerDe(),
                "Hive's JSON SerDe, and only it (Firehose rejects a deserializer with both)");
        assertEquals(0, provisioner.inProcess("plan", "--detailed-exitcode").exitCode(), "converged");
    }

    @Test
    @Order(5)
    void afterTheUpgrade_schema1AndSchema2SamplesPassSideBySideAndFitTheTable() throws Exception {
        assertNotNull(objectsBefore, "step 2 did not run");
        long now = System.currentTimeMillis();
        put(schema1Sample(now) + schema2Sample(now + 1));

        liftBucketPolicy();
        List<FirehoseProcessing.RawObject> fresh = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            if (!objectsBefore.containsKey(object.key())) {
                byte[] data = s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asByteArray();
                fresh.add(new FirehoseProcessing.RawObject(object.key(), data, object.lastModified()));
            }
        }
        assertEquals(1, fresh.size(), "one object for the batch: " + fresh);
        StreamConfiguration configuration = StreamConfiguration.read(firehose, lambda, streamName);
        List<FirehoseProcessing.Delivered> delivered;
        try (FirehoseProcessing processing = new FirehoseProcessing(configuration, describeStream().deliveryStreamARN(),
                aws.region(), transformJar)) {
            delivered = processing.process(fresh);
        }

        GlueTableSchema table = GlueTableSchema.read(glue, database, "metrics");
        assertEquals(List.of("Ok", "Ok"), delivered.stream().map(FirehoseProcessing.Delivered::result).toList());
        List<Integer> versions = new ArrayList<>();
        for (FirehoseProcessing.Delivered record : delivered) {
            JsonNode sample = JSON.readTree(record.data());
            assertEquals(List.of(), table.problems(sample), sample.toString());
            assertTrue(record.keyPrefix().startsWith(PREFIX + "/service=checkout/year="), record.keyPrefix());
            versions.add(sample.path("schema_version").asInt());
        }
        assertEquals(List.of(1, 2), versions);
        JsonNode pools = JSON.readTree(delivered.get(1).data()).get("jvm_memory_pools");
        assertFalse(pools.path("G1 Old Gen").isMissingNode(), "pool names arrive as written: " + pools);
        JsonNode limit = JSON.readTree(delivered.get(1).data()).path("app_metrics")
                .path("tomcat.thread.limit{tomcat.thread.pool.name=http-nio-8080}");
        assertEquals("http-nio-8080", limit.path("labels").path("tomcat.thread.pool.name").asText(),
                "app_metrics series arrive as written, labels included: " + limit);
        assertEquals(200.0, limit.path("value").asDouble());
    }

    /**
     * moto applies the TLS-only bucket policy's Deny to every object request over its plain HTTP:
     * lifted to read and write objects (and put back, so that the plan sees the stack unchanged).
     */
    private String liftBucketPolicy() {
        String policy = s3.getBucketPolicy(r -> r.bucket(bucket)).policy();
        s3.deleteBucketPolicy(r -> r.bucket(bucket));
        return policy;
    }

    private void restoreBucketPolicy(String policy) {
        s3.putBucketPolicy(r -> r.bucket(bucket).policy(policy));
    }

    private void put(String lines) {
        var put = firehose.putRecordBatch(r -> r.deliveryStreamName(streamName)
                .records(Record.builder().data(SdkBytes.fromUtf8String(lines)).build()));
        assertEquals(0, put.failedPutCount());
    }

    /** The transform's schema-1 fixture (a real agent's sample as recorded), at this time, one line. */
    private static String schema1Sample(long ts) throws Exception {
        return fixture("sample-schema-1.json", ts);
    }

    /** The transform's fixture with every schema-2 column, at this time, one line. */
    private static String schema2Sample(long ts) throws Exception {
        return fixture("sample-all-columns.json", ts);
    }

    private static String fixture(String name, long ts) throws Exception {
        Path file = Path.of(System.getProperty("it.repo.dir", "..")).resolve("transform/src/test/resources/samples").resolve(name);
        ObjectNode sample = (ObjectNode) JSON.readTree(Files.readString(file));
        sample.put("ts", ts);
        return JSON.writeValueAsString(sample) + "\n";
    }

    private Table table() {
        return glue.getTable(r -> r.databaseName(database).name("metrics")).table();
    }

    private List<Partition> partitions() {
        return glue.getPartitions(r -> r.databaseName(database).tableName("metrics")).partitions().stream()
                .map(p -> p.toBuilder().lastAccessTime(null).build()).toList();
    }

    private DeliveryStreamDescription describeStream() {
        return firehose.describeDeliveryStream(r -> r.deliveryStreamName(streamName)).deliveryStreamDescription();
    }

    /** Every object of the bucket, key to ETag. */
    private Map<String, String> objects() {
        Map<String, String> objects = new TreeMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().forEach(o -> objects.put(o.key(), o.eTag()));
        return objects;
    }
}
