package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.aws.AwsClients;
import io.roxxane.provisioner.aws.IamPropagation;
import io.roxxane.provisioner.config.Setting;
import io.roxxane.provisioner.engine.Action;
import io.roxxane.provisioner.engine.Change;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.engine.Resource;
import io.roxxane.provisioner.resources.spec.DeliveryStreamSpec;
import io.roxxane.provisioner.resources.spec.GlueTableSpec.ColumnSpec;
import io.roxxane.provisioner.resources.spec.GlueTableSpec;
import io.roxxane.provisioner.resources.spec.JsonDeserializer;
import io.roxxane.provisioner.stack.StackLayout;
import io.roxxane.provisioner.stack.StackResources;
import io.roxxane.provisioner.stack.TestStacks;
import io.roxxane.schema.Column;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamResponse;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.firehose.model.UpdateDestinationRequest;
import software.amazon.awssdk.services.firehose.model.UpdateDestinationResponse;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.UpdateTableRequest;
import software.amazon.awssdk.services.glue.model.UpdateTableResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stack made by the schema-1 provisioner, planned and applied by this one: the Glue table and
 * the stream are updated in place (nothing replaced, created or deleted), the table keeps its
 * location and its partitions (no partition call at all), everything else is unchanged.
 */
class SchemaUpgradeTest {
    @TempDir
    Path directory;

    private final List<Column> added = Column.tableColumns().stream().filter(c -> c.sinceVersion() == 2).toList();

    @Test
    void plan_whenStackWasMadeForSchema1_updatesOnlyTableAndStreamInPlace() {
        StackContext context = TestStacks.context(directory);
        Map<String, Resource<?>> old = byKey(StackResources.of(context, 1));
        Planner planner = new Planner("shop");

        Map<String, Change> plan = new HashMap<>();
        for (Resource<?> resource : StackResources.of(context)) {
            plan.put(resource.key(), planAgainst(planner, resource, old.get(resource.key())));
        }

        Map<String, Action> changed = plan.values().stream().filter(c -> c.action() != Action.NONE)
                .collect(Collectors.toMap(Change::key, Change::action));
        assertEquals(Map.of(GlueTableResource.KEY, Action.UPDATE, DeliveryStreamResource.KEY, Action.UPDATE), changed);
        Change table = plan.get(GlueTableResource.KEY);
        assertEquals(List.of("columns", "parameters"), table.differences().stream().map(d -> d.field()).toList());
        String line = table.describe();
        int v1 = Column.tableColumns().size() - added.size();
        assertTrue(line.startsWith("~ Glue table shop.metrics: update (columns: " + added.size() + " added ["
                + added.get(0).columnName() + " map<string,struct<"), line);
        assertTrue(line.contains(", and " + (added.size() - 4) + " more] (" + v1 + " -> " + Column.tableColumns().size() + ")"),
                line);
        assertTrue(line.contains("roxxane:schema_version=1") && line.contains("roxxane:schema_version=2"), line);
        assertFalse(line.contains("removed"), line);
        assertEquals("~ Firehose stream shop-metrics: update (deserializer: OpenXJsonSerDe {CaseInsensitive=true} -> HiveJsonSerDe)",
                plan.get(DeliveryStreamResource.KEY).describe());
    }

    @Test
    void tableSpec_ofSchema1_isTheSchema2TableWithoutItsAddedColumns() {
        GlueTableSpec v1 = GlueTableResource.desiredSpec("s3://b/metrics/", "shop", 1);
        GlueTableSpec v2 = GlueTableResource.desiredSpec("s3://b/metrics/", "shop");

        List<ColumnSpec> prefix = v2.columns().subList(0, v1.columns().size());
        assertEquals(prefix, v1.columns(), "an older table's columns are a prefix of the newer one's");
        assertEquals(added.stream().map(Column::columnName).toList(),
                v2.columns().subList(v1.columns().size(), v2.columns().size()).stream().map(ColumnSpec::name).toList());
        assertEquals(v2.location(), v1.location());
        assertEquals(v2.partitionKeys(), v1.partitionKeys());
        assertEquals("1", v1.parameters().get("roxxane:schema_version"));
        assertEquals("2", v2.parameters().get("roxxane:schema_version"));
    }

    @Test
    void applyTable_whenSchema1Table_sendsOneUpdateTableWithEveryColumnAtTheSameLocation() {
        GlueTableSpec v1 = GlueTableResource.desiredSpec(TestStacks.context(directory).layout().dataLocation(), "shop", 1);
        Table existing = Table.builder().name("metrics").databaseName("shop").tableType(v1.tableType())
                .parameters(Map.of("roxxane:stack", "shop", "roxxane:schema_version", "1", "classification", "parquet",
                        "EXTERNAL", "TRUE", "parquet.compression", "SNAPPY", "transient_lastDdlTime", "1764000000"))
                .partitionKeys(glue(v1.partitionKeys()))
                .storageDescriptor(s -> s.location(v1.location()).columns(glue(v1.columns())).inputFormat(v1.inputFormat())
                        .outputFormat(v1.outputFormat()).serdeInfo(d -> d.serializationLibrary(v1.serializationLibrary())
                                .parameters(v1.serdeParameters())))
                .build();
        FakeClient<GlueClient> fake = FakeClient.of(GlueClient.class)
                .on("getTable", request -> GetTableResponse.builder().table(existing).build())
                .on("updateTable", request -> UpdateTableResponse.builder().build());
        GlueTableResource table = new GlueTableResource(context(fake.client(), null));

        Observation<GlueTableSpec> current = table.read();
        Change change = new Planner("shop").plan(table, current);
        table.update(current.spec().orElseThrow(), change.differences());

        assertEquals(Action.UPDATE, change.action());
        List<String> operations = fake.requests().stream().map(r -> r.getClass().getSimpleName()).toList();
        assertEquals(List.of("GetTableRequest", "GetTableRequest", "UpdateTableRequest"), operations,
                "no partition is read, written or deleted; the table is not re-created");
        var input = ((UpdateTableRequest) fake.requests().get(2)).tableInput();
        assertEquals(v1.location(), input.storageDescriptor().location());
        assertEquals(Column.tableColumns().stream().map(c -> c.columnName() + " " + c.type().glueType()).toList(),
                input.storageDescriptor().columns().stream().map(c -> c.name() + " " + c.type()).toList());
        assertEquals(existing.partitionKeys(), input.partitionKeys());
        assertEquals("2", input.parameters().get("roxxane:schema_version"));
        assertEquals("1764000000", input.parameters().get("transient_lastDdlTime"), "Glue's own parameters are kept");
    }

    @Test
    void applyStream_whenSchema1Stream_updatesTheDestinationToHivesJsonSerDe() {
        StackLayout layout = TestStacks.context(directory).layout();
        DeliveryStreamSpec v1 = DeliveryStreamResource.desiredSpec(layout, 1);
        DeliveryStreamDescription stream = DeliveryStreamDescription.builder().deliveryStreamName("shop-metrics")
                .deliveryStreamStatus(DeliveryStreamStatus.ACTIVE).deliveryStreamType(v1.streamType()).versionId("7")
                .destinations(d -> d.destinationId("destinationId-000000000001")
                        .extendedS3DestinationDescription(described(DeliveryStreamMapping.destination(v1))))
                .build();
        FakeClient<FirehoseClient> fake = FakeClient.of(FirehoseClient.class)
                .on("describeDeliveryStream", r -> DescribeDeliveryStreamResponse.builder().deliveryStreamDescription(stream).build())
                .on("listTagsForDeliveryStream", r -> software.amazon.awssdk.services.firehose.model.ListTagsForDeliveryStreamResponse
                        .builder().tags(t -> t.key("roxxane:stack").value("shop")).build())
                .on("updateDestination", r -> UpdateDestinationResponse.builder().build());
        DeliveryStreamResource resource = new DeliveryStreamResource(context(null, fake.client()), List.of());

        Observation<DeliveryStreamSpec> current = resource.read();
        Change change = new Planner("shop").plan(resource, current);
        resource.update(current.spec().orElseThrow(), change.differences());

        assertEquals(v1, current.spec().orElseThrow(), "the schema-1 stream reads back as the schema-1 spec");
        assertEquals(Action.UPDATE, change.action());
        List<UpdateDestinationRequest> updates = fake.requests().stream().filter(UpdateDestinationRequest.class::isInstance)
                .map(UpdateDestinationRequest.class::cast).toList();
        assertEquals(1, updates.size());
        assertEquals("7", updates.get(0).currentDeliveryStreamVersionId());
        var deserializer = updates.get(0).extendedS3DestinationUpdate().dataFormatConversionConfiguration()
                .inputFormatConfiguration().deserializer();
        assertNotNull(deserializer.hiveJsonSerDe());
        assertNull(deserializer.openXJsonSerDe(), "one SerDe only: Firehose rejects a deserializer with both");
        assertFalse(fake.requests().stream().anyMatch(r -> r.getClass().getSimpleName().matches("(Create|Delete).*")));
    }

    @Test
    void observedStream_readsBackEachDeserializer_openXWithoutItsOptionAsCaseInsensitive_asFirehoseDefaults() {
        DeliveryStreamSpec desired = DeliveryStreamResource.desiredSpec(TestStacks.context(directory).layout());
        ExtendedS3DestinationConfiguration destination = DeliveryStreamMapping.destination(desired);

        assertEquals(new JsonDeserializer("HiveJsonSerDe", Map.of()), observed(destination, desired).deserializer());
        assertEquals(new JsonDeserializer("OpenXJsonSerDe", Map.of("CaseInsensitive", "true")),
                observed(withDeserializer(destination, d -> d.openXJsonSerDe(o -> { })), desired).deserializer());
        assertEquals(new JsonDeserializer("OpenXJsonSerDe", Map.of("CaseInsensitive", "false")),
                observed(withDeserializer(destination, d -> d.openXJsonSerDe(o -> o.caseInsensitive(false))), desired).deserializer(),
                "the interim schema-2 stream (OpenX, keys as written) is not Hive's either: apply updates it too");
        assertEquals(new JsonDeserializer("HiveJsonSerDe", Map.of("TimestampFormats", "millis,yyyy-MM-dd")),
                observed(withDeserializer(destination, d -> d.hiveJsonSerDe(h -> h.timestampFormats("millis", "yyyy-MM-dd"))),
                        desired).deserializer());
    }

    private static ExtendedS3DestinationConfiguration withDeserializer(ExtendedS3DestinationConfiguration destination,
            java.util.function.Consumer<software.amazon.awssdk.services.firehose.model.Deserializer.Builder> deserializer) {
        return destination.toBuilder().dataFormatConversionConfiguration(destination.dataFormatConversionConfiguration()
                .toBuilder().inputFormatConfiguration(i -> i.deserializer(deserializer)).build()).build();
    }

    private static DeliveryStreamSpec observed(ExtendedS3DestinationConfiguration destination, DeliveryStreamSpec desired) {
        return DeliveryStreamMapping.observed(DeliveryStreamDescription.builder().deliveryStreamStatus(DeliveryStreamStatus.ACTIVE)
                .deliveryStreamType(desired.streamType())
                .destinations(d -> d.extendedS3DestinationDescription(described(destination))).build(), desired);
    }

    /** The description Firehose gives of a destination created from this configuration (same member names). */
    private static ExtendedS3DestinationDescription described(ExtendedS3DestinationConfiguration destination) {
        ExtendedS3DestinationDescription.Builder description = ExtendedS3DestinationDescription.builder();
        Map<String, SdkField<?>> fields = new HashMap<>();
        description.sdkFields().forEach(field -> fields.put(field.memberName(), field));
        for (SdkField<?> field : destination.sdkFields()) {
            Object value = field.getValueOrDefault(destination);
            if (value != null) {
                fields.get(field.memberName()).set(description, value);
            }
        }
        return description.build();
    }

    private StackContext context(GlueClient glue, FirehoseClient firehose) {
        StackLayout layout = TestStacks.layout(directory, Map.of(Setting.STACK_NAME, "shop"));
        return new StackContext(layout, AwsClients.of(Region.EU_WEST_1, null, null, null, glue, firehose, null, null),
                new IamPropagation(Duration.ofSeconds(10), pause -> { }));
    }

    private static List<software.amazon.awssdk.services.glue.model.Column> glue(List<ColumnSpec> columns) {
        List<software.amazon.awssdk.services.glue.model.Column> result = new ArrayList<>();
        columns.forEach(c -> result.add(software.amazon.awssdk.services.glue.model.Column.builder().name(c.name()).type(c.type())
                .comment(c.comment()).build()));
        return result;
    }

    private static Map<String, Resource<?>> byKey(List<Resource<?>> resources) {
        Map<String, Resource<?>> result = new HashMap<>();
        resources.forEach(r -> result.put(r.key(), r));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <S extends Record> Change planAgainst(Planner planner, Resource<S> resource, Resource<?> old) {
        return planner.plan(resource, Observation.of((S) old.desired(), "shop"));
    }
}
