package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.roxxane.schema.PartitionRule;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/** The handler in-process against Glue in {@code moto_server}: events in, partitions read back with GetPartitions. */
class PartitionRegistrarMotoTest {
    private static final String DATABASE = "roxxane_test";
    private static final String BUCKET = "roxxane-test-bucket";
    private static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    private static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static String skipReason;
    private static MotoServer moto;
    private static GlueClient glue;

    @BeforeAll
    static void startMoto() throws Exception {
        skipReason = MotoServer.unavailableReason();
        if (skipReason != null) {
            return;
        }
        moto = MotoServer.start();
        glue = GlueClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
    }

    @BeforeEach
    void requireMoto() {
        assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void stopMoto() {
        if (glue != null) {
            glue.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static String createTable(String location, List<String> partitionKeys) {
        String table = "metrics_" + TABLES.incrementAndGet();
        glue.createTable(r -> r.databaseName(DATABASE).tableInput(t -> t
                .name(table)
                .tableType("EXTERNAL_TABLE")
                .partitionKeys(partitionKeys.stream().map(k -> Column.builder().name(k).type("string").build())
                        .collect(Collectors.toList()))
                .storageDescriptor(StorageDescriptor.builder()
                        .location(location)
                        .columns(Column.builder().name("ts").type("bigint").build(),
                                Column.builder().name("cpu_load").type("double").build())
                        .inputFormat(PARQUET_INPUT)
                        .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                        .serdeInfo(SerDeInfo.builder().serializationLibrary(PARQUET_SERDE)
                                .parameters(Map.of("serialization.format", "1")).build())
                        .build())));
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
        assertEquals(PARQUET_INPUT, checkout.inputFormat());
        assertEquals(PARQUET_SERDE, checkout.serdeInfo().serializationLibrary());
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
