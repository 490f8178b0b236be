package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Differences;
import io.roxxane.provisioner.resources.spec.DeliveryStreamSpec;
import io.roxxane.provisioner.resources.spec.FunctionSpec;
import io.roxxane.provisioner.resources.spec.GlueTableSpec.ColumnSpec;
import io.roxxane.provisioner.resources.spec.GlueTableSpec;
import io.roxxane.provisioner.resources.spec.JsonDeserializer;
import io.roxxane.provisioner.stack.StackLayout;
import io.roxxane.provisioner.stack.TestStacks;
import io.roxxane.schema.Column;
import io.roxxane.schema.PartitionRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationUpdate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class DesiredSpecsTest {
    @TempDir
    Path directory;

    @Test
    void deliveryStream_whenDesired_deaggregatesThenTransformsPartitionsAndWritesSnappyParquet() {
        StackLayout layout = TestStacks.context(directory).layout();

        DeliveryStreamSpec spec = DeliveryStreamResource.desiredSpec(layout);

        assertEquals("DirectPut", spec.streamType());
        assertEquals(List.of("RecordDeAggregation", "Lambda"), spec.processors().stream().map(DeliveryStreamSpec.Processor::type).toList());
        assertEquals("JSON", spec.processors().get(0).parameters().get("SubRecordType"));
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:shop-transform",
                spec.processors().get(1).parameters().get("LambdaArn"));
        assertEquals(true, spec.dynamicPartitioning());
        assertEquals(128, spec.bufferingSizeMiB());
        assertEquals("UNCOMPRESSED", spec.compression());
        assertEquals("SNAPPY", spec.parquetCompression());
        assertEquals(new JsonDeserializer("HiveJsonSerDe", Map.of()), spec.deserializer(), "Hive's JSON SerDe, no options");
        var input = DeliveryStreamMapping.destination(spec).dataFormatConversionConfiguration().inputFormatConfiguration()
                .deserializer();
        assertNotNull(input.hiveJsonSerDe());
        assertNull(input.openXJsonSerDe(), "Firehose rejects a deserializer with both SerDes");
        assertEquals(false, input.hiveJsonSerDe().hasTimestampFormats());
        assertEquals("ParquetSerDe", spec.outputSerDe());
        assertEquals("shop", spec.schemaDatabase());
        assertEquals("metrics", spec.schemaTable());
        assertEquals(layout.firehosePrefix(), spec.prefix());
        assertEquals(true, spec.cloudWatchLogging());
        assertEquals("/aws/kinesisfirehose/shop-metrics", spec.logGroupName());
    }

    @Test
    void deliveryStreamUpdate_whenMadeFromTheCreateDestination_setsTheSameTenFieldsAndNothingElse() {
        ExtendedS3DestinationConfiguration destination =
                DeliveryStreamMapping.destination(DeliveryStreamResource.desiredSpec(TestStacks.context(directory).layout()));

        ExtendedS3DestinationUpdate update = DeliveryStreamMapping.updateOf(destination);

        assertEquals(destination.bucketARN(), update.bucketARN());
        assertEquals(destination.roleARN(), update.roleARN());
        assertEquals(destination.prefix(), update.prefix());
        assertEquals(destination.errorOutputPrefix(), update.errorOutputPrefix());
        assertEquals(destination.bufferingHints(), update.bufferingHints());
        assertEquals(destination.compressionFormatAsString(), update.compressionFormatAsString());
        assertEquals(destination.processingConfiguration(), update.processingConfiguration());
        assertEquals(destination.dynamicPartitioningConfiguration(), update.dynamicPartitioningConfiguration());
        assertEquals(destination.dataFormatConversionConfiguration(), update.dataFormatConversionConfiguration());
        assertEquals(destination.cloudWatchLoggingOptions(), update.cloudWatchLoggingOptions());
        assertEquals(List.of("BucketARN", "BufferingHints", "CloudWatchLoggingOptions", "CompressionFormat",
                        "DataFormatConversionConfiguration", "DynamicPartitioningConfiguration", "ErrorOutputPrefix", "Prefix",
                        "ProcessingConfiguration", "RoleARN"),
                update.sdkFields().stream().filter(field -> field.getValueOrDefault(update) != null)
                        .map(field -> field.memberName()).sorted().toList());
    }

    @Test
    void glueTable_whenDesired_hasSchemaColumnsAndStringPartitionKeysWithoutProjection() {
        GlueTableSpec spec = GlueTableResource.desiredSpec("s3://b/metrics/", "shop");

        assertEquals(Column.tableColumns().stream().map(Column::columnName).toList(),
                spec.columns().stream().map(ColumnSpec::name).toList());
        assertEquals(Column.HOST_CPU_UTILIZATION.type().glueType(), spec.columns().stream()
                .filter(c -> c.name().equals(Column.HOST_CPU_UTILIZATION.columnName())).findFirst().orElseThrow().type());
        assertEquals(PartitionRule.KEYS, spec.partitionKeys().stream().map(ColumnSpec::name).toList());
        spec.partitionKeys().forEach(key -> assertEquals("string", key.type()));
        assertFalse(spec.columns().stream().anyMatch(c -> PartitionRule.KEYS.contains(c.name())));
        assertFalse(spec.parameters().keySet().stream().anyMatch(key -> key.startsWith("projection")));
        assertEquals("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe", spec.serializationLibrary());
        assertEquals("s3://b/metrics/", spec.location());
        assertEquals("shop", spec.parameters().get("roxxane:stack"));
    }

    @Test
    void function_whenJarChanges_showsOnlyTheCodeHashAsDifferent() throws IOException {
        Path jar = Files.write(directory.resolve("a.jar"), new byte[] {'P', 'K', 1});
        FunctionSpec before = new FunctionSpec("java21", "h", "role", 512, 60, Map.of(), FunctionResource.sha256(jar));
        Files.write(jar, new byte[] {'P', 'K', 2});
        FunctionSpec after = new FunctionSpec("java21", "h", "role", 512, 60, Map.of(), FunctionResource.sha256(jar));

        List<Difference> differences = Differences.between(after, before);

        assertEquals(List.of("codeSha256"), differences.stream().map(Difference::field).toList());
        assertNotEquals(before.codeSha256(), after.codeSha256());
        // Lambda reports CodeSha256 as base64 of the 32-byte digest.
        assertEquals(44, after.codeSha256().length());
    }

    @Test
    void glueTableParameters_whenUpdated_keepOtherToolsParametersDropProjectionAndSetOurs() {
        Map<String, String> existing = Map.of("classification", "json", "owner_team", "analytics", "transient_lastDdlTime", "1",
                "projection.enabled", "true", "projection.service.type", "injected", "storage.location.template", "s3://x/${service}");
        Map<String, String> ours = GlueTableResource.desiredSpec("s3://b/metrics/", "shop").parameters();

        Map<String, String> merged = GlueTableResource.mergedParameters(existing, ours);

        assertEquals("analytics", merged.get("owner_team"));
        assertEquals("1", merged.get("transient_lastDdlTime"));
        assertEquals("parquet", merged.get("classification"));
        assertEquals("shop", merged.get("roxxane:stack"));
        assertFalse(merged.keySet().stream().anyMatch(GlueTableSpec::contradictsDesign), merged.toString());
    }
}
