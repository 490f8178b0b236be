package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.engine.DeleteResult;
import io.roxxane.provisioner.engine.Difference;
import io.roxxane.provisioner.engine.Observation;
import io.roxxane.provisioner.engine.Planner;
import io.roxxane.provisioner.engine.Resource;
import io.roxxane.provisioner.resources.DeliveryStreamSpec.Processor;
import io.roxxane.provisioner.stack.StackLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.DataFormatConversionConfiguration;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationUpdate;
import software.amazon.awssdk.services.firehose.model.ParquetCompression;
import software.amazon.awssdk.services.firehose.model.ProcessingConfiguration;
import software.amazon.awssdk.services.firehose.model.ProcessorParameter;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.firehose.model.Tag;

/**
 * The Firehose stream: JSON record deaggregation, then the transform Lambda, dynamic
 * partitioning on the keys it returns, JSON to Parquet (Snappy) through the Glue table.
 */
public final class DeliveryStreamResource implements Resource<DeliveryStreamSpec> {
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(10);

    private final StackContext context;
    private final DeliveryStreamSpec desired;

    public DeliveryStreamResource(StackContext context) {
        this.context = context;
        this.desired = desiredSpec(context.layout());
    }

    static DeliveryStreamSpec desiredSpec(StackLayout layout) {
        var settings = layout.settings();
        List<Processor> processors = List.of(
                new Processor("RecordDeAggregation", new TreeMap<>(Map.of("SubRecordType", "JSON"))),
                new Processor("Lambda", new TreeMap<>(Map.of(
                        "LambdaArn", layout.functionArn(settings.transformFunctionName()),
                        "NumberOfRetries", "3"))));
        return new DeliveryStreamSpec(DeliveryStreamSpec.HEALTHY, DeliveryStreamType.DIRECT_PUT.toString(), layout.bucketArn(),
                layout.roleArn(settings.firehoseRoleName()), layout.firehosePrefix(), layout.firehoseErrorPrefix(),
                settings.bufferingSizeMiB(), settings.bufferingTimeSeconds(), CompressionFormat.UNCOMPRESSED.toString(),
                true, processors, true, 300, true, "OpenXJsonSerDe", "ParquetSerDe", ParquetCompression.SNAPPY.toString(),
                layout.identity().accountId(), settings.glueDatabaseName(), settings.glueTableName(), layout.identity().region(),
                layout.roleArn(settings.firehoseRoleName()), "LATEST", true, settings.logGroupName(),
                StackLayout.DELIVERY_LOG_STREAM);
    }

    @Override
    public String key() {
        return "delivery-stream";
    }

    @Override
    public String type() {
        return "Firehose stream";
    }

    @Override
    public String name() {
        return context.layout().settings().deliveryStreamName();
    }

    @Override
    public String arn() {
        return context.layout().deliveryStreamArn();
    }

    @Override
    public List<String> dependsOn() {
        return List.of("bucket", "firehose-role", "transform-function", "glue-table", "log-group");
    }

    @Override
    public DeliveryStreamSpec desired() {
        return desired;
    }

    /**
     * Firehose cannot switch the source type or dynamic partitioning of an existing stream, and
     * cannot repair a stream that failed to create or to delete.
     */
    @Override
    public Set<String> replacedOnChange() {
        return Set.of("status", "streamType", "dynamicPartitioning");
    }

    /** {@value DeliveryStreamSpec#HEALTHY}, or the failed status with the fix and Firehose's reason. */
    static String status(DeliveryStreamDescription stream) {
        DeliveryStreamStatus status = stream.deliveryStreamStatus();
        if (status != DeliveryStreamStatus.CREATING_FAILED && status != DeliveryStreamStatus.DELETING_FAILED) {
            return DeliveryStreamSpec.HEALTHY;
        }
        var failure = stream.failureDescription();
        String reason = failure == null ? "no failure description" : failure.typeAsString() + ": " + failure.details();
        return stream.deliveryStreamStatusAsString() + ", Firehose cannot repair it: apply deletes"
                + (status == DeliveryStreamStatus.DELETING_FAILED ? " it (forced)" : " it") + " and creates it again (" + reason + ")";
    }

    private FirehoseClient firehose() {
        return context.clients().firehose();
    }

    @Override
    public Observation<DeliveryStreamSpec> read() {
        DeliveryStreamDescription stream;
        try {
            stream = firehose().describeDeliveryStream(r -> r.deliveryStreamName(name())).deliveryStreamDescription();
        } catch (ResourceNotFoundException e) {
            return Observation.absent();
        }
        String tag = firehose().listTagsForDeliveryStream(r -> r.deliveryStreamName(name())).tags().stream()
                .filter(t -> t.key().equals(Planner.STACK_TAG)).map(Tag::value).findFirst().orElse(null);
        ExtendedS3DestinationDescription s3 = stream.destinations().isEmpty() ? null
                : stream.destinations().get(0).extendedS3DestinationDescription();
        if (s3 == null) {
            // Some other kind of destination: every field differs, which the plan shows.
            return Observation.of(new DeliveryStreamSpec(status(stream), stream.deliveryStreamTypeAsString(), null, null, null, null, 0, 0,
                    null, false, List.of(), false, 0, false, null, null, null, null, null, null, null, null, null, false,
                    null, null), tag);
        }
        var processing = s3.processingConfiguration();
        var partitioning = s3.dynamicPartitioningConfiguration();
        var conversion = s3.dataFormatConversionConfiguration();
        var schema = conversion == null ? null : conversion.schemaConfiguration();
        var input = conversion == null || conversion.inputFormatConfiguration() == null ? null
                : conversion.inputFormatConfiguration().deserializer();
        var output = conversion == null || conversion.outputFormatConfiguration() == null ? null
                : conversion.outputFormatConfiguration().serializer();
        var logging = s3.cloudWatchLoggingOptions();
        DeliveryStreamSpec current = new DeliveryStreamSpec(status(stream),
                stream.deliveryStreamTypeAsString(), s3.bucketARN(), s3.roleARN(), s3.prefix(), s3.errorOutputPrefix(),
                s3.bufferingHints() == null ? 0 : orZero(s3.bufferingHints().sizeInMBs()),
                s3.bufferingHints() == null ? 0 : orZero(s3.bufferingHints().intervalInSeconds()),
                s3.compressionFormatAsString(),
                processing != null && Boolean.TRUE.equals(processing.enabled()),
                processing == null ? List.of() : processors(processing),
                partitioning != null && Boolean.TRUE.equals(partitioning.enabled()),
                partitioning == null || partitioning.retryOptions() == null ? 0 : orZero(partitioning.retryOptions().durationInSeconds()),
                conversion != null && Boolean.TRUE.equals(conversion.enabled()),
                input == null ? null : input.openXJsonSerDe() != null ? "OpenXJsonSerDe" : input.hiveJsonSerDe() != null ? "HiveJsonSerDe" : null,
                output == null ? null : output.parquetSerDe() != null ? "ParquetSerDe" : output.orcSerDe() != null ? "OrcSerDe" : null,
                output == null || output.parquetSerDe() == null ? null : output.parquetSerDe().compressionAsString(),
                schema == null ? null : schema.catalogId(), schema == null ? null : schema.databaseName(),
                schema == null ? null : schema.tableName(), schema == null ? null : schema.region(),
                schema == null ? null : schema.roleARN(), schema == null ? null : schema.versionId(),
                logging != null && Boolean.TRUE.equals(logging.enabled()),
                logging == null ? null : logging.logGroupName(), logging == null ? null : logging.logStreamName());
        return Observation.of(current, tag);
    }

    /** The processors as configured, each with only the parameters this stack sets (AWS adds defaults to the rest). */
    private List<Processor> processors(ProcessingConfiguration processing) {
        List<Processor> result = new ArrayList<>();
        for (var processor : processing.processors()) {
            Map<String, String> wanted = desired.processors().stream().filter(p -> p.type().equals(processor.typeAsString()))
                    .map(Processor::parameters).findFirst().orElse(Map.of());
            Map<String, String> parameters = new TreeMap<>();
            for (ProcessorParameter parameter : processor.parameters()) {
                if (wanted.isEmpty() || wanted.containsKey(parameter.parameterNameAsString())) {
                    parameters.put(parameter.parameterNameAsString(), parameter.parameterValue());
                }
            }
            result.add(new Processor(processor.typeAsString(), parameters));
        }
        return List.copyOf(result);
    }

    private ProcessingConfiguration processingConfiguration() {
        List<software.amazon.awssdk.services.firehose.model.Processor> processors = new ArrayList<>();
        for (Processor processor : desired.processors()) {
            List<ProcessorParameter> parameters = new ArrayList<>();
            processor.parameters().forEach((name, value) ->
                    parameters.add(ProcessorParameter.builder().parameterName(name).parameterValue(value).build()));
            processors.add(software.amazon.awssdk.services.firehose.model.Processor.builder().type(processor.type())
                    .parameters(parameters).build());
        }
        return ProcessingConfiguration.builder().enabled(desired.processingEnabled()).processors(processors).build();
    }

    private DataFormatConversionConfiguration conversion() {
        return DataFormatConversionConfiguration.builder().enabled(desired.formatConversion())
                .inputFormatConfiguration(i -> i.deserializer(d -> d.openXJsonSerDe(o -> o.caseInsensitive(true))))
                .outputFormatConfiguration(o -> o.serializer(s -> s.parquetSerDe(p -> p.compression(desired.parquetCompression()))))
                .schemaConfiguration(s -> s.catalogId(desired.schemaCatalogId()).databaseName(desired.schemaDatabase())
                        .tableName(desired.schemaTable()).region(desired.schemaRegion()).roleARN(desired.schemaRoleArn())
                        .versionId(desired.schemaVersionId()))
                .build();
    }

    @Override
    public void create() {
        ExtendedS3DestinationConfiguration destination = ExtendedS3DestinationConfiguration.builder()
                .bucketARN(desired.bucketArn()).roleARN(desired.roleArn()).prefix(desired.prefix())
                .errorOutputPrefix(desired.errorOutputPrefix())
                .bufferingHints(b -> b.sizeInMBs(desired.bufferingSizeMiB()).intervalInSeconds(desired.bufferingIntervalSeconds()))
                .compressionFormat(desired.compression())
                .processingConfiguration(processingConfiguration())
                .dynamicPartitioningConfiguration(d -> d.enabled(desired.dynamicPartitioning())
                        .retryOptions(r -> r.durationInSeconds(desired.dynamicPartitioningRetrySeconds())))
                .dataFormatConversionConfiguration(conversion())
                .cloudWatchLoggingOptions(c -> c.enabled(desired.cloudWatchLogging()).logGroupName(desired.logGroupName())
                        .logStreamName(desired.logStreamName()))
                .build();
        List<Tag> tags = new ArrayList<>();
        context.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        context.propagation().run("create Firehose stream " + name(), () -> firehose().createDeliveryStream(r -> r
                .deliveryStreamName(name()).deliveryStreamType(desired.streamType()).extendedS3DestinationConfiguration(destination)
                .tags(tags)));
        awaitActive();
    }

    @Override
    public void update(DeliveryStreamSpec current, List<Difference> differences) {
        DeliveryStreamDescription stream = firehose().describeDeliveryStream(r -> r.deliveryStreamName(name()))
                .deliveryStreamDescription();
        ExtendedS3DestinationUpdate update = ExtendedS3DestinationUpdate.builder()
                .bucketARN(desired.bucketArn()).roleARN(desired.roleArn()).prefix(desired.prefix())
                .errorOutputPrefix(desired.errorOutputPrefix())
                .bufferingHints(b -> b.sizeInMBs(desired.bufferingSizeMiB()).intervalInSeconds(desired.bufferingIntervalSeconds()))
                .compressionFormat(desired.compression())
                .processingConfiguration(processingConfiguration())
                .dynamicPartitioningConfiguration(d -> d.enabled(desired.dynamicPartitioning())
                        .retryOptions(r -> r.durationInSeconds(desired.dynamicPartitioningRetrySeconds())))
                .dataFormatConversionConfiguration(conversion())
                .cloudWatchLoggingOptions(c -> c.enabled(desired.cloudWatchLogging()).logGroupName(desired.logGroupName())
                        .logStreamName(desired.logStreamName()))
                .build();
        context.propagation().run("update Firehose stream " + name(), () -> firehose().updateDestination(r -> r
                .deliveryStreamName(name()).currentDeliveryStreamVersionId(stream.versionId())
                .destinationId(stream.destinations().get(0).destinationId()).extendedS3DestinationUpdate(update)));
    }

    @Override
    public DeleteResult delete(boolean deleteData) {
        // A stream whose deletion failed (Firehose could not retire its KMS grant) is deleted with force.
        boolean deletingFailed = firehose().describeDeliveryStream(r -> r.deliveryStreamName(name())).deliveryStreamDescription()
                .deliveryStreamStatus() == DeliveryStreamStatus.DELETING_FAILED;
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
        poll("active", () -> {
            DeliveryStreamStatus status = firehose().describeDeliveryStream(r -> r.deliveryStreamName(name()))
                    .deliveryStreamDescription().deliveryStreamStatus();
            if (status == DeliveryStreamStatus.CREATING_FAILED) {
                throw new IllegalStateException("Firehose stream " + name() + " failed to create");
            }
            return status == DeliveryStreamStatus.ACTIVE;
        });
    }

    private void awaitGone() {
        poll("deleted", () -> {
            try {
                firehose().describeDeliveryStream(r -> r.deliveryStreamName(name()));
                return false;
            } catch (ResourceNotFoundException e) {
                return true;
            }
        });
    }

    private void poll(String what, java.util.function.BooleanSupplier done) {
        long end = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        long pauseMs = 250;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Firehose stream " + name() + " not " + what + " after " + ACTIVE_TIMEOUT.toMinutes() + " min");
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pauseMs = Math.min(10_000, pauseMs * 2);
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
