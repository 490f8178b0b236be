package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.aws.AwsErrors;
import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.resources.spec.DeliveryStreamSpec.Processor;
import io.roxxane.provisioner.resources.spec.DeliveryStreamSpec;
import io.roxxane.provisioner.resources.spec.JsonDeserializer;
import io.roxxane.provisioner.stack.StackLayout;
import io.roxxane.schema.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationUpdate;
import software.amazon.awssdk.services.firehose.model.ParquetCompression;
import software.amazon.awssdk.services.firehose.model.Tag;

/**
 * The Firehose stream: JSON record deaggregation, then the transform Lambda, dynamic
 * partitioning on the keys it returns, JSON to Parquet (Snappy) through the Glue table.
 */
public final class DeliveryStreamResource extends StackResource<DeliveryStreamSpec> {
    private static final Waiting ACTIVE = new Waiting(Duration.ofMinutes(10), Duration.ofSeconds(10));

    public static final String KEY = "delivery-stream";

    /** @param dependsOn the bucket, the Firehose role, the transform function, the Glue table and the log group */
    public DeliveryStreamResource(StackContext context, List<String> dependsOn) {
        this(context, dependsOn, Schema.VERSION);
    }

    /** The stream of schema version {@code schemaVersion} (see {@link #desiredSpec(StackLayout, int)}). */
    public DeliveryStreamResource(StackContext context, List<String> dependsOn, int schemaVersion) {
        super(context, new Identity(KEY, "Firehose stream", context.layout().settings().deliveryStreamName(),
                        context.layout().deliveryStreamArn(), dependsOn),
                desiredSpec(context.layout(), schemaVersion));
    }

    /** The stream as this provisioner makes it (athena-tests reads its conversion settings from here). */
    public static DeliveryStreamSpec desiredSpec(StackLayout layout) {
        return desiredSpec(layout, Schema.VERSION);
    }

    /**
     * The stream as the provisioner of {@code schemaVersion} made it. Schema 1 read JSON with the
     * OpenX SerDe, case-insensitively (its default), which lower-cases map keys too; since schema 2,
     * whose maps are keyed by names such as "G1 Eden Space", with Hive's JSON SerDe
     * ({@link JsonDeserializer#forSchemaVersion}).
     */
    public static DeliveryStreamSpec desiredSpec(StackLayout layout, int schemaVersion) {
        var settings = layout.settings();
        List<Processor> processors = List.of(
                new Processor("RecordDeAggregation", new TreeMap<>(Map.of("SubRecordType", "JSON"))),
                new Processor("Lambda", new TreeMap<>(Map.of(
                        "LambdaArn", layout.functionArn(settings.transformFunctionName()),
                        "NumberOfRetries", "3"))));
        return new DeliveryStreamSpec(DeliveryStreamSpec.HEALTHY, DeliveryStreamType.DIRECT_PUT.toString(), layout.bucketArn(),
                layout.roleArn(settings.firehoseRoleName()), layout.firehosePrefix(), layout.firehoseErrorPrefix(),
                settings.bufferingSizeMiB(), settings.bufferingTimeSeconds(), CompressionFormat.UNCOMPRESSED.toString(),
                true, processors, true, 300, true, JsonDeserializer.forSchemaVersion(schemaVersion), "ParquetSerDe", ParquetCompression.SNAPPY.toString(),
                layout.identity().accountId(), settings.glueDatabaseName(), settings.glueTableName(), layout.identity().region(),
                layout.roleArn(settings.firehoseRoleName()), "LATEST", true, settings.logGroupName(),
                StackLayout.DELIVERY_LOG_STREAM);
    }

    /**
     * Firehose cannot switch the source type or dynamic partitioning of an existing stream, and
     * cannot repair a stream that failed to create or to delete.
     */
    @Override
    public Set<String> replacedOnChange() {
        return Set.of("status", "streamType", "dynamicPartitioning");
    }

    private FirehoseClient firehose() {
        return clients().firehose();
    }

    private DeliveryStreamDescription describe() {
        return firehose().describeDeliveryStream(r -> r.deliveryStreamName(name())).deliveryStreamDescription();
    }

    @Override
    protected Observation<DeliveryStreamSpec> observe() {
        DeliveryStreamDescription stream = describe();
        String tag = stackTagIn(firehose().listTagsForDeliveryStream(r -> r.deliveryStreamName(name())).tags(), Tag::key, Tag::value);
        return Observation.of(DeliveryStreamMapping.observed(stream, desired()), tag);
    }

    @Override
    public void create() {
        ExtendedS3DestinationConfiguration destination = DeliveryStreamMapping.destination(desired());
        List<Tag> tags = context().tags((key, value) -> Tag.builder().key(key).value(value).build());
        retryWhileIamPropagates("create", () -> firehose().createDeliveryStream(r -> r
                .deliveryStreamName(name()).deliveryStreamType(desired().streamType()).extendedS3DestinationConfiguration(destination)
                .tags(tags)));
        awaitActive();
    }

    @Override
    public void update(DeliveryStreamSpec current, List<Difference> differences) {
        DeliveryStreamDescription stream = describe();
        ExtendedS3DestinationUpdate update = DeliveryStreamMapping.updateOf(DeliveryStreamMapping.destination(desired()));
        retryWhileIamPropagates("update", () -> firehose().updateDestination(r -> r
                .deliveryStreamName(name()).currentDeliveryStreamVersionId(stream.versionId())
                .destinationId(stream.destinations().get(0).destinationId()).extendedS3DestinationUpdate(update)));
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        // A stream whose deletion failed (Firehose could not retire its KMS grant) is deleted with force.
        boolean deletingFailed = describe().deliveryStreamStatus() == DeliveryStreamStatus.DELETING_FAILED;
        firehose().deleteDeliveryStream(r -> {
            r.deliveryStreamName(name());
            if (deletingFailed) {
                r.allowForceDelete(true);
            }
        });
        awaitGone();
        return DeleteResult.deleted();
    }

    private void awaitActive() {
        ACTIVE.until(label(), "active", () -> {
            DeliveryStreamStatus status = describe().deliveryStreamStatus();
            if (status == DeliveryStreamStatus.CREATING_FAILED) {
                throw new IllegalStateException(label() + " failed to create");
            }
            return status == DeliveryStreamStatus.ACTIVE;
        });
    }

    private void awaitGone() {
        ACTIVE.until(label(), "deleted", () -> AwsErrors.ifFound(this::describe).isEmpty());
    }
}
