package io.roxxane.it.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.firehose.model.ProcessorParameter;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/**
 * What the emulator holds for the delivery stream, read back with DescribeDeliveryStream (and,
 * for each Lambda processor, GetFunctionConfiguration): the input of {@link FirehoseProcessing}.
 *
 * @param bucketArn          destination bucket
 * @param prefix             the S3 prefix with its {@code !{...}} expressions
 * @param errorOutputPrefix  the error prefix with its {@code !{...}} expressions
 * @param bufferingSizeMb    buffering hint, MiB
 * @param bufferingSeconds   buffering hint, seconds
 * @param dynamicPartitioning whether dynamic partitioning is on
 * @param processors         the processing chain, in order
 * @param conversionEnabled  whether JSON to columnar conversion is on
 * @param conversionDatabase Glue database of the conversion's schema
 * @param conversionTable    Glue table of the conversion's schema
 * @param inputSerDe         {@code Hive} (Hive's JSON SerDe, the stream's since schema 2), {@code OpenX} (keys read
 *                           as written), {@code OpenX case-insensitive} (keys lower-cased first, the OpenX default;
 *                           schema 1), {@code both} (a deserializer Firehose would reject) or empty
 * @param outputSerDe        {@code Parquet}, {@code ORC} or empty
 */
record StreamConfiguration(String bucketArn, String prefix, String errorOutputPrefix, int bufferingSizeMb,
                           int bufferingSeconds, boolean dynamicPartitioning, List<Processor> processors,
                           boolean conversionEnabled, String conversionDatabase, String conversionTable,
                           String inputSerDe, String outputSerDe) {

    /**
     * One processor of the chain.
     *
     * @param type       {@code RecordDeAggregation}, {@code Lambda}, ...
     * @param parameters its parameters by name
     * @param handler    for a Lambda processor, the function's handler ({@code class::method}); else null
     * @param codeSha256 for a Lambda processor, the SHA-256 (base64) of the deployed code; else null
     */
    record Processor(String type, Map<String, String> parameters, String handler, String codeSha256) {
    }

    static StreamConfiguration read(FirehoseClient firehose, LambdaClient lambda, String streamName) {
        DeliveryStreamDescription stream = firehose.describeDeliveryStream(r -> r.deliveryStreamName(streamName))
                .deliveryStreamDescription();
        if (stream.destinations().size() != 1 || stream.destinations().get(0).extendedS3DestinationDescription() == null) {
            throw new AssertionError("stream " + streamName + " should have one extended S3 destination: " + stream.destinations());
        }
        ExtendedS3DestinationDescription s3 = stream.destinations().get(0).extendedS3DestinationDescription();
        List<Processor> processors = s3.processingConfiguration() == null || !Boolean.TRUE.equals(s3.processingConfiguration().enabled())
                ? List.of()
                : s3.processingConfiguration().processors().stream().map(p -> processor(lambda, p.typeAsString(), p.parameters())).toList();
        var conversion = s3.dataFormatConversionConfiguration();
        boolean converting = conversion != null && Boolean.TRUE.equals(conversion.enabled());
        String input = "";
        String output = "";
        if (converting) {
            var deserializer = conversion.inputFormatConfiguration().deserializer();
            var openX = deserializer.openXJsonSerDe();
            input = openX != null && deserializer.hiveJsonSerDe() != null ? "both"
                    : openX != null ? (Boolean.FALSE.equals(openX.caseInsensitive()) ? "OpenX" : "OpenX case-insensitive")
                    : deserializer.hiveJsonSerDe() != null ? "Hive" : "";
            var serializer = conversion.outputFormatConfiguration().serializer();
            output = serializer.parquetSerDe() != null ? "Parquet" : serializer.orcSerDe() != null ? "ORC" : "";
        }
        return new StreamConfiguration(s3.bucketARN(), s3.prefix(), s3.errorOutputPrefix(),
                s3.bufferingHints().sizeInMBs(), s3.bufferingHints().intervalInSeconds(),
                s3.dynamicPartitioningConfiguration() != null && Boolean.TRUE.equals(s3.dynamicPartitioningConfiguration().enabled()),
                processors, converting,
                converting ? conversion.schemaConfiguration().databaseName() : null,
                converting ? conversion.schemaConfiguration().tableName() : null, input, output);
    }

    /** The bucket name from its ARN. */
    String bucket() {
        return bucketArn.substring(bucketArn.lastIndexOf(':') + 1);
    }

    private static Processor processor(LambdaClient lambda, String type, List<ProcessorParameter> parameters) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (ProcessorParameter parameter : parameters) {
            byName.put(parameter.parameterNameAsString(), parameter.parameterValue());
        }
        if (!"Lambda".equals(type)) {
            return new Processor(type, byName, null, null);
        }
        String arn = byName.get("LambdaArn");
        if (arn == null) {
            throw new AssertionError("Lambda processor without LambdaArn: " + byName);
        }
        GetFunctionConfigurationResponse function = lambda.getFunctionConfiguration(r -> r.functionName(arn));
        return new Processor(type, byName, function.handler(), function.codeSha256());
    }
}
