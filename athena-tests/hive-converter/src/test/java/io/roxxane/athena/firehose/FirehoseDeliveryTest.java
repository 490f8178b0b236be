package io.roxxane.athena.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.firehose.DeliveryRequest.Flush;
import io.roxxane.athena.firehose.DeliveryRequest.TableColumn;
import io.roxxane.athena.firehose.DeliveryRequest.TableVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery end to end through the real transform Lambda: objects per partition and flush under
 * the evaluated prefix, the Lambda's failures and the conversion's failures under the error prefix.
 */
class FirehoseDeliveryTest {
    private static final String PREFIX = "metrics/service=!{partitionKeyFromLambda:service}/year=!{partitionKeyFromLambda:year}"
            + "/month=!{partitionKeyFromLambda:month}/day=!{partitionKeyFromLambda:day}/hour=!{partitionKeyFromLambda:hour}/";
    private static final String ERRORS = "errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/";
    private static final long TS = 1_773_180_000_000L; // 2026-03-10T22:00:00Z

    @TempDir
    Path bucket;

    private DeliveryResult deliver(List<TableColumn> columns, Flush... flushes) throws Exception {
        return deliverVersions(List.of(new TableVersion("1", columns)), flushes);
    }

    private DeliveryResult deliverVersions(List<TableVersion> versions, Flush... flushes) throws Exception {
        return new FirehoseDelivery(new DeliveryRequest("roxxane-metrics", PREFIX, ERRORS, "HiveJsonSerDe", Map.of(), "SNAPPY",
                versions, List.of(flushes)), bucket).deliver();
    }

    @Test
    void samples_landInTheirServiceAndHour_oneObjectPerPartitionAndFlush() throws Exception {
        String record = "{\"ts\":" + TS + ",\"service\":\"Checkout Service\",\"seq\":1}\n"
                + "{\"ts\":" + (TS + 3_600_000) + ",\"service\":\"Checkout Service\",\"seq\":2}\n";
        DeliveryResult result = deliver(List.of(new TableColumn("ts", "bigint"), new TableColumn("seq", "bigint")),
                new Flush("1", List.of(record, "{\"ts\":" + TS + ",\"service\":\"billing\",\"seq\":7}"), List.of(TS + 5_000, TS + 6_000)),
                new Flush("1", List.of("{\"ts\":" + TS + ",\"service\":\"billing\",\"seq\":8}"), List.of(TS + 900_000)));

        assertEquals(List.of(
                        "metrics/service=checkout-service/year=2026/month=03/day=10/hour=22/roxxane-metrics-1-2026-03-10-22-00-05-",
                        "metrics/service=checkout-service/year=2026/month=03/day=10/hour=23/roxxane-metrics-1-2026-03-10-22-00-05-",
                        "metrics/service=billing/year=2026/month=03/day=10/hour=22/roxxane-metrics-1-2026-03-10-22-00-06-",
                        "metrics/service=billing/year=2026/month=03/day=10/hour=22/roxxane-metrics-1-2026-03-10-22-15-00-"),
                result.objects().stream().map(o -> o.key().replaceFirst("[0-9a-f-]{36}\\.parquet$", "")).toList());
        assertEquals(List.of(1, 1, 1, 1), result.objects().stream().map(DeliveryResult.DeliveredObject::rows).toList());
        for (DeliveryResult.DeliveredObject object : result.objects()) {
            assertTrue(object.key().endsWith(".parquet"), object.key());
            assertEquals(1, ParquetFiles.records(bucket.resolve(object.key())).size());
        }
        assertEquals(List.of(), result.errors());
    }

    @Test
    void aRecordTheLambdaFails_andOneTheConversionFails_goToTheErrorPrefix_theOthersAreDelivered() throws Exception {
        String good = "{\"ts\":" + TS + ",\"service\":\"a\",\"host\":\"h\"}";
        String notANumber = "{\"ts\":\"soon\",\"service\":\"a\"}";
        DeliveryResult result = deliver(List.of(new TableColumn("ts", "bigint"), new TableColumn("host", "map<string,string>")),
                new Flush("1", List.of(good, notANumber, "{\"ts\":" + TS + ",\"service\":\"a\"}"), List.of(TS, TS, TS)));

        assertEquals(List.of(1), result.objects().stream().map(DeliveryResult.DeliveredObject::rows).toList(),
                "the sample without host converts; the one whose host is no map does not");
        assertEquals(List.of("format-conversion-failed", "processing-failed"),
                result.errors().stream().map(DeliveryResult.ErrorObject::errorOutputType).toList());
        for (DeliveryResult.ErrorObject error : result.errors()) {
            assertTrue(error.key().startsWith("errors/" + error.errorOutputType() + "/year=2026/"), error.key());
            assertEquals(1, Files.readAllLines(bucket.resolve(error.key())).size());
        }
    }

    @Test
    void eachFlush_isConvertedWithTheTableVersionItNames() throws Exception {
        TableVersion before = new TableVersion("1", List.of(new TableColumn("ts", "bigint")));
        TableVersion after = new TableVersion("2", List.of(new TableColumn("ts", "bigint"), new TableColumn("seq", "bigint")));
        String sample = "{\"ts\":" + TS + ",\"service\":\"a\",\"seq\":5}";
        DeliveryResult result = deliverVersions(List.of(before, after), new Flush("1", List.of(sample), List.of(TS)),
                new Flush("2", List.of(sample), List.of(TS + 900_000)));

        assertEquals(List.of("1", "2"), result.objects().stream().map(DeliveryResult.DeliveredObject::tableVersionId).toList());
        List<String> schemas = new java.util.ArrayList<>();
        for (DeliveryResult.DeliveredObject object : result.objects()) {
            schemas.add(ParquetFiles.footer(bucket.resolve(object.key())).getFileMetaData().getSchema().getFields().stream()
                    .map(f -> f.getName()).toList().toString());
        }
        assertEquals(List.of("[ts]", "[ts, seq]"), schemas, "the older version's object has no seq column");
    }
}
