package io.roxxane.provisioner.resources;

import io.roxxane.provisioner.resources.spec.DeliveryStreamSpec.Processor;
import io.roxxane.provisioner.resources.spec.DeliveryStreamSpec;
import io.roxxane.provisioner.resources.spec.JsonDeserializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.firehose.model.DataFormatConversionConfiguration;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.Deserializer;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationUpdate;
import software.amazon.awssdk.services.firehose.model.ProcessingConfiguration;
import software.amazon.awssdk.services.firehose.model.ProcessorParameter;

/** Between {@link DeliveryStreamSpec} and Firehose's types: the stream as described, the destination to send. */
final class DeliveryStreamMapping {
    private DeliveryStreamMapping() {
    }

    /** The stream as it is, in spec form; processor parameters only those {@code desired} sets. */
    static DeliveryStreamSpec observed(DeliveryStreamDescription stream, DeliveryStreamSpec desired) {
        ExtendedS3DestinationDescription s3 = stream.destinations().isEmpty() ? null
                : stream.destinations().get(0).extendedS3DestinationDescription();
        if (s3 == null) {
            // Some other kind of destination: every field differs, which the plan shows.
            return new DeliveryStreamSpec(status(stream), stream.deliveryStreamTypeAsString(), null, null, null, null, 0, 0,
                    null, false, List.of(), false, 0, false, null, null, null, null, null, null, null, null, null, false,
                    null, null);
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
        return new DeliveryStreamSpec(status(stream),
                stream.deliveryStreamTypeAsString(), s3.bucketARN(), s3.roleARN(), s3.prefix(), s3.errorOutputPrefix(),
                s3.bufferingHints() == null ? 0 : Objects.requireNonNullElse(s3.bufferingHints().sizeInMBs(), 0),
                s3.bufferingHints() == null ? 0 : Objects.requireNonNullElse(s3.bufferingHints().intervalInSeconds(), 0),
                s3.compressionFormatAsString(),
                processing != null && Boolean.TRUE.equals(processing.enabled()),
                processing == null ? List.of() : processors(processing, desired),
                partitioning != null && Boolean.TRUE.equals(partitioning.enabled()),
                partitioning == null || partitioning.retryOptions() == null ? 0 : Objects.requireNonNullElse(partitioning.retryOptions().durationInSeconds(), 0),
                conversion != null && Boolean.TRUE.equals(conversion.enabled()),
                deserializer(input),
                output == null ? null : output.parquetSerDe() != null ? "ParquetSerDe" : output.orcSerDe() != null ? "OrcSerDe" : null,
                output == null || output.parquetSerDe() == null ? null : output.parquetSerDe().compressionAsString(),
                schema == null ? null : schema.catalogId(), schema == null ? null : schema.databaseName(),
                schema == null ? null : schema.tableName(), schema == null ? null : schema.region(),
                schema == null ? null : schema.roleARN(), schema == null ? null : schema.versionId(),
                logging != null && Boolean.TRUE.equals(logging.enabled()),
                logging == null ? null : logging.logGroupName(), logging == null ? null : logging.logStreamName());
    }

    /**
     * The deserializer with the options this stack sets: OpenX's {@code CaseInsensitive} (absent
     * means true, the SerDe's default), Hive's {@code TimestampFormats} when there are any.
     */
    private static JsonDeserializer deserializer(Deserializer input) {
        if (input == null) {
            return null;
        }
        if (input.openXJsonSerDe() != null) {
            boolean caseInsensitive = !Boolean.FALSE.equals(input.openXJsonSerDe().caseInsensitive());
            return new JsonDeserializer(JsonDeserializer.OPENX, Map.of("CaseInsensitive", String.valueOf(caseInsensitive)));
        }
        if (input.hiveJsonSerDe() != null) {
            return new JsonDeserializer(JsonDeserializer.HIVE, input.hiveJsonSerDe().hasTimestampFormats()
                    ? Map.of("TimestampFormats", String.join(",", input.hiveJsonSerDe().timestampFormats())) : Map.of());
        }
        return null;
    }

    /** What Firehose is sent for {@code desired}: exactly one of the two SerDes, with its options. */
    private static Deserializer deserializer(JsonDeserializer desired) {
        String formats = desired.options().get("TimestampFormats");
        return switch (desired.serDe()) {
            case JsonDeserializer.HIVE -> Deserializer.builder().hiveJsonSerDe(h -> {
                if (formats != null) {
                    h.timestampFormats(formats.split(","));
                }
            }).build();
            case JsonDeserializer.OPENX -> Deserializer.builder().openXJsonSerDe(o -> o.caseInsensitive(
                    Boolean.parseBoolean(desired.options().getOrDefault("CaseInsensitive", "true")))).build();
            default -> throw new IllegalArgumentException(desired.serDe());
        };
    }

    /** {@value DeliveryStreamSpec#HEALTHY}, or the failed status with the fix and Firehose's reason. */
    private static String status(DeliveryStreamDescription stream) {
        DeliveryStreamStatus status = stream.deliveryStreamStatus();
        if (status != DeliveryStreamStatus.CREATING_FAILED && status != DeliveryStreamStatus.DELETING_FAILED) {
            return DeliveryStreamSpec.HEALTHY;
        }
        var failure = stream.failureDescription();
        String reason = failure == null ? "no failure description" : failure.typeAsString() + ": " + failure.details();
        return stream.deliveryStreamStatusAsString() + ", Firehose cannot repair it: apply deletes"
                + (status == DeliveryStreamStatus.DELETING_FAILED ? " it (forced)" : " it") + " and creates it again (" + reason + ")";
    }

    /** The processors as configured, each with only the parameters this stack sets (AWS adds defaults to the rest). */
    private static List<Processor> processors(ProcessingConfiguration processing, DeliveryStreamSpec desired) {
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

    private static ProcessingConfiguration processingConfiguration(DeliveryStreamSpec desired) {
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

    private static DataFormatConversionConfiguration conversion(DeliveryStreamSpec desired) {
        return DataFormatConversionConfiguration.builder().enabled(desired.formatConversion())
                .inputFormatConfiguration(i -> i.deserializer(deserializer(desired.deserializer())))
                .outputFormatConfiguration(o -> o.serializer(s -> s.parquetSerDe(p -> p.compression(desired.parquetCompression()))))
                .schemaConfiguration(s -> s.catalogId(desired.schemaCatalogId()).databaseName(desired.schemaDatabase())
                        .tableName(desired.schemaTable()).region(desired.schemaRegion()).roleARN(desired.schemaRoleArn())
                        .versionId(desired.schemaVersionId()))
                .build();
    }

    /** Every destination setting of {@code desired}; create sends it, update sends the same as an update. */
    static ExtendedS3DestinationConfiguration destination(DeliveryStreamSpec desired) {
        return ExtendedS3DestinationConfiguration.builder()
                .bucketARN(desired.bucketArn()).roleARN(desired.roleArn()).prefix(desired.prefix())
                .errorOutputPrefix(desired.errorOutputPrefix())
                .bufferingHints(b -> b.sizeInMBs(desired.bufferingSizeMiB()).intervalInSeconds(desired.bufferingIntervalSeconds()))
                .compressionFormat(desired.compression())
                .processingConfiguration(processingConfiguration(desired))
                .dynamicPartitioningConfiguration(d -> d.enabled(desired.dynamicPartitioning())
                        .retryOptions(r -> r.durationInSeconds(desired.dynamicPartitioningRetrySeconds())))
                .dataFormatConversionConfiguration(conversion(desired))
                .cloudWatchLoggingOptions(c -> c.enabled(desired.cloudWatchLogging()).logGroupName(desired.logGroupName())
                        .logStreamName(desired.logStreamName()))
                .build();
    }

    /**
     * The update that sets every field {@code destination} sets: Firehose's update type names its
     * fields as the configuration type does, with the same types (S3 backup, which this stack does
     * not use, is the exception and has other names).
     */
    static ExtendedS3DestinationUpdate updateOf(ExtendedS3DestinationConfiguration destination) {
        ExtendedS3DestinationUpdate.Builder update = ExtendedS3DestinationUpdate.builder();
        Map<String, SdkField<?>> updatable = new HashMap<>();
        update.sdkFields().forEach(field -> updatable.put(field.memberName(), field));
        for (SdkField<?> field : destination.sdkFields()) {
            Object value = field.getValueOrDefault(destination);
            if (value != null) {
                SdkField<?> target = updatable.get(field.memberName());
                if (target == null) {
                    throw new IllegalStateException("Firehose cannot update the destination field " + field.memberName());
                }
                target.set(update, value);
            }
        }
        return update.build();
    }
}
