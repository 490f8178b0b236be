package io.roxxane.athena.firehose;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.athena.firehose.DeliveryResult.DeliveredObject;
import io.roxxane.athena.firehose.DeliveryResult.ErrorObject;
import io.roxxane.athena.firehose.DeliveryRequest.Flush;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.hive.serde2.SerDeException;
import org.apache.hadoop.mapred.JobConf;

/**
 * What a delivery stream with dynamic partitioning and record format conversion does with the
 * records of each buffer flush: JSON deaggregation, the transformation Lambda, one object per
 * evaluated prefix (the partition keys the Lambda returned), each record converted to Parquet by
 * Hive's SerDes; records the Lambda failed go to the error prefix as {@code processing-failed},
 * records the conversion could not read as {@code format-conversion-failed}. Each flush is converted
 * with the table version it names.
 */
public final class FirehoseDelivery {
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryRequest request;
    private final Path bucket;
    private final TransformLambda lambda;
    private final JobConf hadoop = HiveParquetFile.configuration();

    public FirehoseDelivery(DeliveryRequest request, Path bucket) {
        // A deserializer or an option Hive's JSON SerDe cannot honour is refused before anything is written.
        JsonDeserializerOptions.serdeProperties(request.deserializer(), request.deserializerOptions());
        this.request = request;
        this.bucket = bucket;
        this.lambda = new TransformLambda(request.streamName());
    }

    public DeliveryResult deliver() throws IOException {
        List<DeliveredObject> objects = new ArrayList<>();
        List<ErrorObject> errors = new ArrayList<>();
        for (int f = 0; f < request.flushes().size(); f++) {
            deliver(f, request.flushes().get(f), objects, errors);
        }
        return new DeliveryResult(List.copyOf(objects), List.copyOf(errors));
    }

    private void deliver(int flushIndex, Flush flush, List<DeliveredObject> objects, List<ErrorObject> errors)
            throws IOException {
        List<byte[]> records = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        for (int i = 0; i < flush.records().size(); i++) {
            for (byte[] object : JsonRecordSplitter.split(flush.records().get(i).getBytes(StandardCharsets.UTF_8))) {
                records.add(object);
                arrivals.add(flush.arrivalTimestamps().get(i));
            }
        }
        Map<String, List<TransformedRecord>> byPrefix = new LinkedHashMap<>();
        List<TransformedRecord> failed = new ArrayList<>();
        for (TransformedRecord record : lambda.invoke(records, arrivals)) {
            if (record.result().equals("Ok")) {
                String prefix = S3Prefix.evaluate(request.prefix(), record.partitionKeys(), record.arrivalTimestamp(), null);
                byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(record);
            } else if (record.result().equals("ProcessingFailed")) {
                failed.add(record);
            } else if (!record.result().equals("Dropped")) {
                throw new IOException("the Lambda answered result " + record.result());
            }
        }
        String version = flush.tableVersionId();
        Map<String, String> properties = request.serdeProperties(request.tableVersion(version));
        for (Map.Entry<String, List<TransformedRecord>> group : byPrefix.entrySet()) {
            String key = group.getKey() + objectName(flushIndex, group.getKey(), group.getValue(), ".parquet");
            Path file = bucket.resolve(key);
            Files.createDirectories(file.getParent());
            List<TransformedRecord> unconvertible = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            int rows;
            try (HiveParquetFile parquet = new HiveParquetFile(file, properties, hadoop)) {
                for (TransformedRecord record : group.getValue()) {
                    try {
                        parquet.write(record.data());
                    } catch (SerDeException | RuntimeException e) {
                        unconvertible.add(record);
                        messages.add(String.valueOf(e.getMessage()));
                    }
                }
                rows = parquet.rows();
            }
            if (rows > 0) {
                objects.add(new DeliveredObject(key, rows, version));
            } else {
                Files.delete(file);
            }
            if (!unconvertible.isEmpty()) {
                errors.add(writeErrors(flushIndex, "format-conversion-failed", unconvertible, messages));
            }
        }
        if (!failed.isEmpty()) {
            List<String> messages = failed.stream().map(r -> "processing failed").toList();
            errors.add(writeErrors(flushIndex, "processing-failed", failed, messages));
        }
    }

    private ErrorObject writeErrors(int flushIndex, String type, List<TransformedRecord> records, List<String> messages)
            throws IOException {
        long oldest = records.stream().mapToLong(TransformedRecord::arrivalTimestamp).min().orElseThrow();
        String prefix = S3Prefix.evaluate(request.errorOutputPrefix(), Map.of(), oldest, type);
        String key = prefix + objectName(flushIndex, prefix, records, "");
        Path file = bucket.resolve(key);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < records.size(); i++) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("errorCode", type);
                line.put("errorMessage", messages.get(i));
                line.put("approximateArrivalTimestamp", records.get(i).arrivalTimestamp());
                line.put("rawData", Base64.getEncoder().encodeToString(records.get(i).data()));
                out.write(JSON.writeValueAsBytes(line));
                out.write('\n');
            }
        }
        return new ErrorObject(key, type, List.copyOf(messages));
    }

    /**
     * {@code <stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><extension>} with the oldest record's
     * arrival time; the uuid is derived from the flush and prefix so that reruns write the same keys.
     */
    private String objectName(int flushIndex, String prefix, List<TransformedRecord> records, String extension) {
        long oldest = records.stream().mapToLong(TransformedRecord::arrivalTimestamp).min().orElseThrow();
        UUID uuid = UUID.nameUUIDFromBytes((flushIndex + "/" + prefix).getBytes(StandardCharsets.UTF_8));
        return request.streamName() + "-1-" + NAME_TIME.format(Instant.ofEpochMilli(oldest)) + "-" + uuid + extension;
    }
}
