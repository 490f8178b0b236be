package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.PartitionRule;
import io.roxxane.testsupport.AwsEmulator;
import io.roxxane.testsupport.AwsEmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * The handler in-process against Glue in a {@code moto_server} of this class's own (LocalStack's
 * community image has no Glue): events in, partitions read back with GetPartitions.
 */
class PartitionRegistrarMotoTest {
    @RegisterExtension
    static final AwsEmulatorExtension MOTO = AwsEmulatorExtension.ownMoto();

    private static final String DATABASE = "roxxane_test";
    private static final String BUCKET = "roxxane-test-bucket";
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static GlueClient glue;

    @BeforeAll
    static void createDatabase(AwsEmulator moto) {
        glue = MetricsTables.glue(moto);
        glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
    }

    @AfterAll
    static void closeGlue() {
        if (glue != null) {
            glue.close();
        }
    }

    private static String createTable(String location, List<String> partitionKeys) {
        String table = "metrics_" + TABLES.incrementAndGet();
        MetricsTables.create(glue, DATABASE, table, location, partitionKeys);
        return table;
    }

    private static String invoke(PartitionRegistrarHandler handler, InputStream event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (event) {
            handler.handleRequest(event, out, null);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<List<String>, Partition> partitions(String table) {
        Map<List<String>, Partition> byValues = new TreeMap<>((a, b) -> String.join("/", a).compareTo(String.join("/", b)));
        glue.getPartitionsPaginator(r -> r.databaseName(DATABASE).tableName(table))
                .stream().flatMap(page -> page.partitions().stream()).forEach(p -> byValues.put(p.values(), p));
        return byValues;
    }

    @Test
    void handleRequest_whenMixedEvent_registersEachDistinctPartitionWithItsFolder() throws IOException {
        String table = createTable("s3://" + BUCKET + "/metrics/", PartitionRule.KEYS);
        PartitionRegistrarHandler handler = new PartitionRegistrarHandler(glue, DATABASE, table);

        String summary = invoke(handler, S3EventParserTest.fixture("mixed-records.json"));

        assertEquals("{\"records\":6,\"ignored\":3,\"partitions\":2,\"cached\":0,\"created\":2,\"alreadyExisted\":0}", summary);
        Map<List<String>, Partition> partitions = partitions(table);
        assertEquals(List.of(List.of("billing.worker_2", "2026", "11", "23", "18"),
                List.of("checkout-api", "2026", "11", "23", "17")), new ArrayList<>(partitions.keySet()));
        StorageDescriptor checkout = partitions.get(List.of("checkout-api", "2026", "11", "23", "17")).storageDescriptor();
        assertEquals("s3://" + BUCKET + "/metrics/service=checkout-api/year=2026/month=11/day=23/hour=17/", checkout.location());
        assertEquals(MetricsTables.PARQUET_INPUT, checkout.inputFormat());
        assertEquals(MetricsTables.PARQUET_SERDE, checkout.serdeInfo().serializationLibrary());
        assertEquals(List.of("ts", "cpu_load"), checkout.columns().stream().map(Column::name).collect(Collectors.toList()));
        assertEquals("s3://" + BUCKET + "/metrics/service=billing.worker_2/year=2026/month=11/day=23/hour=18/",
                partitions.get(List.of("billing.worker_2", "2026", "11", "23", "18")).storageDescriptor().location());
    }

    @Test
    void handleRequest_whenSameEventTwice_isIdempotentWithinAndAcrossContainers() throws IOException {
        String table = createTable("s3://" + BUCKET + "/metrics", PartitionRule.KEYS);
        PartitionRegistrarHandler handler = new PartitionRegistrarHandler(glue, DATABASE, table);
        invoke(handler, S3EventParserTest.fixture("put-single.json"));
        Map<List<String>, Partition> first = partitions(table);

        String again = invoke(handler, S3EventParserTest.fixture("put-single.json"));
        String freshContainer = invoke(new PartitionRegistrarHandler(glue, DATABASE, table),
                S3EventParserTest.fixture("put-single.json"));

        assertEquals("{\"records\":1,\"ignored\":0,\"partitions\":1,\"cached\":1,\"created\":0,\"alreadyExisted\":0}", again);
        assertEquals("{\"records\":1,\"ignored\":0,\"partitions\":1,\"cached\":0,\"created\":0,\"alreadyExisted\":1}",
                freshContainer);
        Map<List<String>, Partition> after = partitions(table);
        assertEquals(first.keySet(), after.keySet());
        assertEquals(List.of(List.of("checkout-api", "2026", "11", "23", "17")), new ArrayList<>(after.keySet()));
        assertEquals("s3://" + BUCKET + "/metrics/service=checkout-api/year=2026/month=11/day=23/hour=17/",
                after.values().iterator().next().storageDescriptor().location());
    }

    @Test
    void handleRequest_whenMoreThanOneBatchOfPartitions_registersAll() throws IOException {
        String table = createTable("s3://" + BUCKET + "/fleet/", PartitionRule.KEYS);
        StringBuilder event = new StringBuilder("{\"Records\":[");
        int count = 0;
        for (String service : List.of("api", "worker")) {
            for (int day = 1; day <= 3; day++) {
                for (int hour = 0; hour < 24; hour++) {
                    if (count++ > 0) {
                        event.append(',');
                    }
                    event.append(String.format("{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"%s\"},"
                            + "\"object\":{\"key\":\"fleet/service%%3D%s/year%%3D2026/month%%3D12/day%%3D%02d/hour%%3D%02d/"
                            + "part-%d.parquet\"}}}", BUCKET, service, day, hour, count));
                }
            }
        }
        event.append("]}");

        String summary = invoke(new PartitionRegistrarHandler(glue, DATABASE, table),
                new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)));

        assertEquals("{\"records\":144,\"ignored\":0,\"partitions\":144,\"cached\":0,\"created\":144,\"alreadyExisted\":0}",
                summary);
        Map<List<String>, Partition> partitions = partitions(table);
        assertEquals(144, partitions.size());
        Partition last = partitions.get(List.of("worker", "2026", "12", "03", "23"));
        assertEquals("s3://" + BUCKET + "/fleet/service=worker/year=2026/month=12/day=03/hour=23/",
                last.storageDescriptor().location());
    }

    @Test
    void handleRequest_whenTableMissing_throwsSoLambdaRetries() {
        PartitionRegistrarHandler handler = new PartitionRegistrarHandler(glue, DATABASE, "no_such_table");

        assertThrows(EntityNotFoundException.class,
                () -> invoke(handler, S3EventParserTest.fixture("put-single.json")));
    }

    @Test
    void handleRequest_whenTablePartitionedOtherwise_throwsNamingTheKeys() {
        String table = createTable("s3://" + BUCKET + "/metrics/", List.of("dt", "service"));
        PartitionRegistrarHandler handler = new PartitionRegistrarHandler(glue, DATABASE, table);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> invoke(handler, S3EventParserTest.fixture("put-single.json")));

        assertTrue(e.getMessage().contains("has partition keys [dt, service]; the registrar needs exactly "
                + "[service, year, month, day, hour]"), e.getMessage());
        assertEquals(Map.of(), partitions(table));
    }

    @Test
    void handleRequest_whenS3TestEvent_registersNothing() throws IOException {
        String table = createTable("s3://" + BUCKET + "/metrics/", PartitionRule.KEYS);

        String summary = invoke(new PartitionRegistrarHandler(glue, DATABASE, table),
                S3EventParserTest.fixture("test-event.json"));

        assertEquals("{\"records\":0,\"ignored\":0,\"partitions\":0,\"cached\":0,\"created\":0,\"alreadyExisted\":0}", summary);
        assertEquals(Map.of(), partitions(table));
    }
}
