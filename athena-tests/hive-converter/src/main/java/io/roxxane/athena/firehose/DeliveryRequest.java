package io.roxxane.athena.firehose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the emulated delivery stream gets: the stream's configuration as the
 * provisioner sets it, the Glue table's columns in each version the conversion met (the stream
 * reads the table's latest version at each flush, so a table updated mid-run converts later
 * flushes with its new columns), and the records as producers put them, grouped in buffer flushes.
 *
 * @param streamName the delivery stream's name (first part of every object name)
 * @param prefix the S3 {@code Prefix}, with {@code !{partitionKeyFromLambda:…}} expressions
 * @param errorOutputPrefix the S3 {@code ErrorOutputPrefix}, with {@code !{firehose:error-output-type}} and
 *        {@code !{timestamp:…}} expressions
 * @param deserializer the input format configuration's deserializer as Firehose's API names it: only
 *        {@code HiveJsonSerDe} runs here
 * @param deserializerOptions the deserializer's options by their API names ({@code TimestampFormats}, its
 *        formats comma-separated)
 * @param compression the Parquet SerDe's compression ({@code SNAPPY}, {@code GZIP} or {@code UNCOMPRESSED})
 * @param tableVersions the Glue table's data columns in each version a flush names
 * @param flushes the records, one entry per buffer flush (one S3 object per partition and flush)
 */
public record DeliveryRequest(String streamName, String prefix, String errorOutputPrefix, String deserializer,
                              Map<String, String> deserializerOptions, String compression, List<TableVersion> tableVersions,
                              List<Flush> flushes) {

    /** A Glue column: its name and its type as Glue stores it ({@code bigint}, {@code map<string,string>}). */
    public record TableColumn(String name, String type) {
    }

    /** The table's data columns, in order, as one version of the Glue table holds them. */
    public record TableVersion(String versionId, List<TableColumn> columns) {
    }

    /**
     * Records Firehose received and then delivered together.
     *
     * @param tableVersionId the Glue table version the conversion read for this flush
     * @param records each PutRecordBatch record's data as the producer sent it (UTF-8 text; the
     *        agent packs several newline-delimited samples in one record)
     * @param arrivalTimestamps each record's approximate arrival time, epoch ms, same order
     */
    public record Flush(String tableVersionId, List<String> records, List<Long> arrivalTimestamps) {
    }

    TableVersion tableVersion(String versionId) {
        return tableVersions.stream().filter(v -> v.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table version " + versionId));
    }

    /**
     * Table properties Hive's SerDes read: the column names and types of the version as Hive
     * lists them, the compression, and the deserializer's options ({@link JsonDeserializerOptions}).
     */
    Map<String, String> serdeProperties(TableVersion version) {
        StringBuilder names = new StringBuilder();
        StringBuilder types = new StringBuilder();
        for (TableColumn column : version.columns()) {
            names.append(names.isEmpty() ? "" : ",").append(column.name());
            types.append(types.isEmpty() ? "" : ":").append(column.type());
        }
        Map<String, String> properties = new LinkedHashMap<>(JsonDeserializerOptions.serdeProperties(deserializer,
                deserializerOptions));
        properties.put("columns", names.toString());
        properties.put("columns.types", types.toString());
        properties.put("columns.comments", "");
        properties.put("parquet.compression", compression);
        return properties;
    }
}
