package io.roxxane.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.it.BuiltJars;
import io.roxxane.it.TestResources;
import io.roxxane.it.provisioner.ProvisionerRun;
import io.roxxane.it.provisioner.TaggedResources;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import io.roxxane.schema.Schema;
import io.roxxane.testsupport.AwsEmulator;
import io.roxxane.testsupport.AwsEmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Issue 8's scenario with the real built jars against the emulator, in order: {@code provisioner.jar
 * apply}; the configuration read back; one workload JVM with {@code -javaagent:roxxane.jar=...} and
 * one with the agent attached at run time, both shipping through a proxy that goes down for a few
 * seconds midway; Firehose's processing (as configured) applied to what the emulator delivered
 * raw; the partitions, the Glue conformance and {@code seq} continuity checked; {@code destroy}.
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "metrics";
    private static final String TRANSFORM_HANDLER = "io.roxxane.transform.FirehoseTransformHandler::handleRequest";
    /** A hostile service name: the partition must be its sanitised form. */
    private static final String PREMAIN_SERVICE = "Shop/../Cart Service";
    private static final String PREMAIN_PARTITION = "shop-cart-service";
    private static final String ATTACHED_SERVICE = "attached-worker";
    /** Credentials from STS AssumeRoleWithWebIdentity with a token file, as on EKS with IRSA. */
    private static final String IRSA_SERVICE = "irsa-worker";
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);
    /** Upper bound only: the test stops the workloads (SIGTERM) once it has seen what it needs. */
    private static final int WORKLOAD_SECONDS = 300;

    private AwsEmulator aws;
    private Path directory;
    private String stack;
    private String streamName;
    private Path agentJar;
    private Path transformJar;
    private ProvisionerRun provisioner;
    private boolean destroyed;

    private S3Client s3;
    private FirehoseClient firehose;
    private LambdaClient lambda;
    private GlueClient glue;
    private TcpProxy proxy;
    private final List<WorkloadJvm> workloads = new ArrayList<>();

    // Results handed from one step to the next.
    private StreamConfiguration stream;
    private GlueTableSchema table;
    private Instant outageStart;
    private Instant outageEnd;
    private final Set<String> agentObjects = new TreeSet<>();

    @BeforeAll
    void setUp(AwsEmulator emulator, @TempDir Path temporary) throws IOException {
        aws = emulator;
        directory = temporary;
        stack = TestResources.uniqueName("e2e-");
        streamName = stack + "-metrics";
        agentJar = BuiltJars.agent();
        transformJar = BuiltJars.transform();
        Path registrarJar = BuiltJars.registrar();
        Map<String, String> settings = new HashMap<>();
        settings.put("STACK_NAME", stack);
        settings.put("PREFIX", PREFIX);
        settings.put("TRANSFORM_JAR", transformJar.toString());
        settings.put("REGISTRAR_JAR", registrarJar.toString());
        settings.put("STATE_FILE", directory.resolve("state.json").toString());
        settings.put("BUFFERING_SIZE", "64");
        settings.put("BUFFERING_TIME", "60");
        settings.put("IAM_PROPAGATION_TIMEOUT", "30");
        provisioner = new ProvisionerRun(aws, settings, directory);

        s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build();
        firehose = aws.configure(FirehoseClient.builder()).build();
        lambda = aws.configure(LambdaClient.builder()).build();
        glue = aws.configure(GlueClient.builder()).build();
        proxy = TcpProxy.start(aws.endpoint());
    }

    @AfterAll
    void tearDown() {
        for (WorkloadJvm workload : workloads) {
            workload.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (provisioner != null && !destroyed) {
            provisioner.inProcess("destroy", "--delete-data");
        }
        TestResources.closeAll(s3, firehose, lambda, glue);
    }

    @Test
    @Order(1)
    void apply_whenRunAsChildJvm_createsStreamAndTableAsFirehoseProcessingNeedsThem() {
        ProvisionerRun.Result apply = provisioner.child("apply");

        assertEquals(0, apply.exitCode(), apply.output());
        assertEquals("-javaagent:roxxane.jar=stream=" + streamName + ",region=" + aws.region(), apply.lastLine());

        stream = StreamConfiguration.read(firehose, lambda, streamName);
        assertEquals(List.of("RecordDeAggregation", "Lambda"), stream.processors().stream().map(StreamConfiguration.Processor::type).toList());
        assertEquals("JSON", stream.processors().get(0).parameters().get("SubRecordType"));
        assertEquals(TRANSFORM_HANDLER, stream.processors().get(1).handler());
        assertTrue(stream.dynamicPartitioning());
        StringBuilder expectedPrefix = new StringBuilder(PREFIX + "/");
        for (String key : PartitionRule.KEYS) {
            expectedPrefix.append(key).append("=!{partitionKeyFromLambda:").append(key).append("}/");
        }
        assertEquals(expectedPrefix.toString(), stream.prefix());
        assertTrue(stream.errorOutputPrefix().contains("!{firehose:error-output-type}"), stream.errorOutputPrefix());
        assertEquals(64, stream.bufferingSizeMb());
        assertEquals(60, stream.bufferingSeconds());
        assertTrue(stream.conversionEnabled());
        assertEquals("Hive", stream.inputSerDe());
        assertEquals("Parquet", stream.outputSerDe());

        table = GlueTableSchema.read(glue, stream.conversionDatabase(), stream.conversionTable());
        Map<String, String> expectedColumns = new LinkedHashMap<>();
        for (Column column : Column.tableColumns()) {
            expectedColumns.put(column.columnName(), column.type().glueType());
        }
        assertEquals(expectedColumns, table.columns());
        assertEquals(PartitionRule.KEYS, table.partitionKeys());
        assertTrue(table.partitionKeys().stream().noneMatch(table.columns()::containsKey), "a partition key doubles as a column");
        assertEquals("s3://" + stream.bucket() + "/" + PREFIX + "/", table.location());
    }

    @Test
    @Order(2)
    void agents_whenPremainAndAttachedAndEndpointDownMidway_deliverThroughTheOutage() throws Exception {
        assertNotNull(stream, "step 1 did not read the stream back");
        // The bucket policy denies every request without TLS; the emulator speaks plain HTTP (and
        // moto applies that Deny to object reads whatever the transport), so reading back needs it lifted.
        s3.deleteBucketPolicy(r -> r.bucket(stream.bucket()));
        Map<String, String> environment = Map.of("AWS_ACCESS_KEY_ID", aws.accessKeyId(), "AWS_SECRET_ACCESS_KEY",
                aws.secretAccessKey(), "AWS_REGION", aws.region());
        String common = "stream=" + streamName + ",endpoint=" + proxy.endpoint() + ",region=" + aws.region() + ",interval=1s,flush=2s";

        WorkloadJvm premain = WorkloadJvm.start(agentJar, common + ",service=" + PREMAIN_SERVICE, WORKLOAD_SECONDS,
                environment, directory, "premain-workload");
        workloads.add(premain);
        WorkloadJvm irsa = WorkloadJvm.start(agentJar, common + ",service=" + IRSA_SERVICE, WORKLOAD_SECONDS,
                webIdentityEnvironment(), directory, "irsa-workload");
        workloads.add(irsa);
        WorkloadJvm attached = WorkloadJvm.start(agentJar, null, WORKLOAD_SECONDS, environment, directory, "attached-workload");
        workloads.add(attached);
        String attachOutput = WorkloadJvm.attach(agentJar, attached.pid(), common + ",service=" + ATTACHED_SERVICE,
                environment, directory, Duration.ofSeconds(30));
        assertTrue(attachOutput.contains("attached"), attachOutput);

        awaitDelivered("a sample of each workload",
                samples -> services(samples).containsAll(Set.of(PREMAIN_SERVICE, ATTACHED_SERVICE, IRSA_SERVICE)),
                premain, attached, irsa);

        outageStart = Instant.now();
        proxy.block();
        Thread.sleep(OUTAGE.toMillis()); // the outage itself: the workloads keep collecting meanwhile
        outageEnd = Instant.now();
        proxy.unblock();
        assertTrue(premain.isAlive() && attached.isAlive() && irsa.isAlive(),
                "a workload died during the outage:\n" + premain.output() + attached.output() + irsa.output());

        long recovered = outageEnd.toEpochMilli() + 1_000;
        awaitDelivered("samples collected after the outage from each workload", samples -> {
            Set<String> after = samples.stream().filter(s -> s.path("ts").asLong() > recovered)
                    .map(s -> s.path("service").asText()).collect(Collectors.toSet());
            return after.containsAll(Set.of(PREMAIN_SERVICE, ATTACHED_SERVICE, IRSA_SERVICE));
        }, premain, attached, irsa);

        premain.stop();
        attached.stop();
        irsa.stop();
        System.out.println("outage " + outageStart + " .. " + outageEnd + ": proxy forwarded " + proxy.forwardedConnections()
                + " and refused " + proxy.refusedConnections() + " connections");
        assertTrue(proxy.refusedConnections() > 0, "the agents never tried to send during the outage");
        assertTrue(premain.output().contains("sink=firehose stream " + streamName), premain.output());
        assertTrue(attached.output().contains("(attached)") && attached.output().contains("sink=firehose stream " + streamName),
                attached.output());
        assertFalse(premain.output().contains("Exception in thread"), premain.output());
        assertFalse(attached.output().contains("Exception in thread"), attached.output());
        assertTrue(irsa.output().contains("sink=firehose stream " + streamName), irsa.output());
        assertFalse(irsa.output().contains("Exception in thread"), irsa.output());
    }

    /**
     * No keys: a web identity token file and a role, STS straight at the emulator (not through
     * the proxy, which only stands for Firehose), no profile files, no instance metadata. The
     * agent's own web identity provider must get the credentials, or nothing is delivered.
     */
    private Map<String, String> webIdentityEnvironment() throws IOException {
        Path token = Files.writeString(directory.resolve("web-identity-token"), "eyJhbGciOiJSUzI1NiJ9.e2e.token");
        Path empty = Files.writeString(directory.resolve("no-aws-files"), "");
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        environment.put("AWS_ROLE_ARN", "arn:aws:iam::" + aws.accountId() + ":role/" + stack + "-irsa");
        environment.put("AWS_ENDPOINT_URL_STS", aws.endpoint().toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", empty.toString());
        environment.put("AWS_CONFIG_FILE", empty.toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        return environment;
    }

    @Test
    @Order(3)
    void firehoseProcessing_whenAppliedToDeliveredObjects_yieldsHivePartitionsOfConformingSamples() throws Exception {
        assertNotNull(outageEnd, "step 2 did not run the workloads");
        List<FirehoseProcessing.RawObject> objects = rawObjects();
        objects.forEach(object -> agentObjects.add(object.key()));
        for (FirehoseProcessing.RawObject object : objects) {
            // The agent's wire format, intact: whole newline-terminated lines, one JSON object each.
            String text = utf8(object.data());
            assertTrue(text.endsWith("\n"), "object does not end with a newline: " + object.key());
            assertEquals(text.split("\n").length, JsonDeaggregation.split(object.data()).size(), "not one object per line: " + object.key());
        }
        List<FirehoseProcessing.Delivered> delivered = process(objects);

        List<String> failed = delivered.stream().filter(d -> !d.result().equals("Ok"))
                .map(d -> d.result() + " " + d.keyPrefix() + " from " + d.source() + ": " + utf8(d.data())).toList();
        assertEquals(List.of(), failed);
        assertTrue(delivered.size() >= 10, "only " + delivered.size() + " samples delivered");
        System.out.println(objects.size() + " objects, " + delivered.size() + " records after processing");
        Set<String> columnsAndKeys = new TreeSet<>(table.columns().keySet());
        columnsAndKeys.addAll(table.partitionKeys());
        Map<String, Integer> perPartition = new TreeMap<>();
        for (FirehoseProcessing.Delivered record : delivered) {
            String line = utf8(record.data());
            assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "not one line: " + line);
            JsonNode sample = JSON.readTree(line);
            String service = sample.path("service").asText();
            String partitionService = service.equals(PREMAIN_SERVICE) ? PREMAIN_PARTITION
                    : service.equals(ATTACHED_SERVICE) || service.equals(IRSA_SERVICE) ? service : null;
            assertNotNull(partitionService, "unexpected service " + service + " in " + line);

            ZonedDateTime ts = Instant.ofEpochMilli(sample.path("ts").asLong()).atZone(ZoneOffset.UTC);
            String expected = String.format("%s/service=%s/year=%04d/month=%02d/day=%02d/hour=%02d/", PREFIX, partitionService,
                    ts.getYear(), ts.getMonthValue(), ts.getDayOfMonth(), ts.getHour());
            assertEquals(expected, record.keyPrefix(), line);
            perPartition.merge(expected, 1, Integer::sum);

            assertEquals(List.of(), table.problems(sample), line);
            List<String> unknown = new ArrayList<>();
            sample.fieldNames().forEachRemaining(name -> {
                if (!columnsAndKeys.contains(name)) {
                    unknown.add(name);
                }
            });
            assertEquals(List.of(), unknown, "keys the Parquet conversion would drop: " + line);
            assertEquals(Schema.VERSION, sample.path("schema_version").asInt(), line);
            assertTrue(sample.path("arrival_ts").isIntegralNumber(), "the transform adds arrival_ts: " + line);
        }
        assertTrue(perPartition.keySet().stream().anyMatch(p -> p.contains("service=" + PREMAIN_PARTITION + "/")), perPartition::toString);
        assertTrue(perPartition.keySet().stream().anyMatch(p -> p.contains("service=" + ATTACHED_SERVICE + "/")), perPartition::toString);
        assertTrue(perPartition.keySet().stream().anyMatch(p -> p.contains("service=" + IRSA_SERVICE + "/")), perPartition::toString);
    }

    @Test
    @Order(4)
    void seq_whenOutageRecovered_hasNoGapPerInstanceAndTheOutageWasFelt() throws Exception {
        assertNotNull(outageEnd, "step 2 did not run the workloads");
        List<JsonNode> samples = samples(rawObjects());
        Map<String, List<JsonNode>> byInstance = samples.stream()
                .collect(Collectors.groupingBy(s -> s.path("instance_id").asText(), TreeMap::new, Collectors.toList()));

        assertEquals(3, byInstance.size(), () -> "instances: " + byInstance.keySet());
        Set<String> services = new TreeSet<>();
        for (Map.Entry<String, List<JsonNode>> instance : byInstance.entrySet()) {
            List<JsonNode> own = instance.getValue();
            services.add(own.get(0).path("service").asText());
            SeqContinuity seq = SeqContinuity.of(own.stream().map(s -> s.path("seq").asLong()).toList());
            String who = instance.getKey() + " (" + own.get(0).path("service").asText() + ", " + own.size() + " samples, "
                    + seq.duplicates() + " duplicates, seq 0.." + seq.highest() + ")";
            System.out.println("delivered: " + who);
            assertEquals(List.of(), seq.missing(), "seq gaps of " + who);
            assertTrue(own.stream().anyMatch(s -> s.path("ts").asLong() > outageStart.toEpochMilli()
                    && s.path("ts").asLong() < outageEnd.toEpochMilli()), "no sample collected during the outage was delivered: " + who);
            assertTrue(own.stream().anyMatch(s -> s.path("agent_failures").asLong() > 0),
                    "no sample reports the failed deliveries of the outage: " + who);
            assertTrue(own.stream().anyMatch(s -> !s.path("agent_last_error").asText().isEmpty()
                    && s.path("agent_last_error_ts").asLong() >= outageStart.toEpochMilli()),
                    "no sample names the outage's last error: " + who);
            JsonNode last = own.stream().max((a, b) -> Long.compare(a.path("seq").asLong(), b.path("seq").asLong())).get();
            assertEquals(last.path("seq").asLong() + 1, last.path("agent_samples_collected").asLong(),
                    "samples collected counts every sample: " + who);
            assertTrue(last.path("agent_last_success_ts").asLong() > 0, "last success reported: " + who);
        }
        assertEquals(Set.of(PREMAIN_SERVICE, ATTACHED_SERVICE, IRSA_SERVICE), services);
    }

    @Test
    @Order(5)
    void firehoseProcessing_whenBatchHoldsOneBadSample_onlyItGoesToTheErrorPrefix() throws Exception {
        assertNotNull(stream, "step 1 did not read the stream back");
        long now = System.currentTimeMillis();
        String good = "{\"ts\":" + now + ",\"service\":\"hand put\",\"instance_id\":\"hand\",\"seq\":0,\"schema_version\":"
                + Schema.VERSION + "}\n";
        String bad = "{\"ts\":" + now + ",\"service\":\"hand put\",\"instance_id\":\"hand\",\"seq\":1,\"host_cpu_count\":\"two\"}\n";
        var put = firehose.putRecordBatch(r -> r.deliveryStreamName(streamName).records(
                Record.builder().data(SdkBytes.fromUtf8String(good + bad + good)).build()));
        assertEquals(0, put.failedPutCount());

        List<FirehoseProcessing.RawObject> objects = rawObjects().stream().filter(o -> !agentObjects.contains(o.key())).toList();
        assertEquals(1, objects.size(), () -> "objects of the batch: " + objects);
        List<FirehoseProcessing.Delivered> delivered = process(objects);

        ZonedDateTime arrival = objects.get(0).arrival().atZone(ZoneOffset.UTC);
        String errorPrefix = stream.errorOutputPrefix().substring(0, stream.errorOutputPrefix().indexOf('!'));
        assertEquals(List.of("Ok", "ProcessingFailed", "Ok"), delivered.stream().map(FirehoseProcessing.Delivered::result).toList());
        assertEquals(String.format("%sprocessing-failed/year=%04d/month=%02d/day=%02d/hour=%02d/", errorPrefix, arrival.getYear(),
                arrival.getMonthValue(), arrival.getDayOfMonth(), arrival.getHour()), delivered.get(1).keyPrefix());
        assertEquals(bad.strip(), utf8(delivered.get(1).data()));
        ZonedDateTime ts = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC);
        assertEquals(String.format("%s/service=hand-put/year=%04d/month=%02d/day=%02d/hour=%02d/", PREFIX, ts.getYear(),
                ts.getMonthValue(), ts.getDayOfMonth(), ts.getHour()), delivered.get(2).keyPrefix());
    }

    @Test
    @Order(6)
    void destroy_whenDeleteData_leavesNothingTaggedWithTheStack() {
        ProvisionerRun.Result destroy = provisioner.child("destroy", "--delete-data");
        destroyed = destroy.exitCode() == 0;

        assertEquals(0, destroy.exitCode(), destroy.output());
        assertEquals(List.of(), TaggedResources.find(aws, stack));
        assertTrue(s3.listBuckets().buckets().stream().noneMatch(b -> b.name().startsWith(stack + "-")));
        assertTrue(firehose.listDeliveryStreams(r -> { }).deliveryStreamNames().stream().noneMatch(streamName::equals));
    }

    /** Firehose's processing, as the configuration read back in step 1 says, of these raw objects. */
    private List<FirehoseProcessing.Delivered> process(List<FirehoseProcessing.RawObject> objects) throws Exception {
        String streamArn = firehose.describeDeliveryStream(r -> r.deliveryStreamName(streamName)).deliveryStreamDescription()
                .deliveryStreamARN();
        try (FirehoseProcessing processing = new FirehoseProcessing(stream, streamArn, aws.region(), transformJar)) {
            return processing.process(objects);
        }
    }

    private List<FirehoseProcessing.RawObject> rawObjects() {
        List<FirehoseProcessing.RawObject> objects = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(stream.bucket())).contents()) {
            byte[] data = s3.getObjectAsBytes(r -> r.bucket(stream.bucket()).key(object.key())).asByteArray();
            objects.add(new FirehoseProcessing.RawObject(object.key(), data, object.lastModified()));
        }
        return objects;
    }

    /** Every sample in the raw objects: Firehose's JSON deaggregation, each part parsed. */
    private static List<JsonNode> samples(List<FirehoseProcessing.RawObject> objects) throws IOException {
        List<JsonNode> samples = new ArrayList<>();
        for (FirehoseProcessing.RawObject object : objects) {
            for (byte[] part : JsonDeaggregation.split(object.data())) {
                samples.add(JSON.readTree(part));
            }
        }
        return samples;
    }

    private void awaitDelivered(String what, Predicate<List<JsonNode>> done, WorkloadJvm... running) throws Exception {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (true) {
            if (done.test(samples(rawObjects()))) {
                return;
            }
            for (WorkloadJvm workload : running) {
                assertTrue(workload.isAlive(), "workload exited early:\n" + workload.output());
            }
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (WorkloadJvm workload : running) {
                    logs.append(workload.output()).append('\n');
                }
                throw new AssertionError("no " + what + " in the bucket within " + DELIVERY_TIMEOUT.toSeconds() + " s;"
                        + " proxy forwarded " + proxy.forwardedConnections() + ", refused " + proxy.refusedConnections()
                        + " connections; workload output:\n" + logs);
            }
            Thread.sleep(500);
        }
    }

    private static Set<String> services(List<JsonNode> samples) {
        return samples.stream().map(s -> s.path("service").asText()).collect(Collectors.toSet());
    }

    private static String utf8(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }
}
