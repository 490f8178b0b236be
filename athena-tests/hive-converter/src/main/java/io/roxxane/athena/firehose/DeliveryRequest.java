package io.roxxane.athena.firehose;

import java.util.List;
import java.util.Map;

/**
 * What one run of the emulated delivery stream gets: the stream's configuration as the
 * provisioner sets it, the Glue table's columns (the schema configuration of the record format
 * conversion), and the records as producers put them, grouped in buffer flushes.
 *
 * @param streamName the delivery stream's name (first part of every object name)
 * @param prefix the S3 {@code Prefix}, with {@code !{partitionKeyFromLambda:…}} expressions
 * @param errorOutputPrefix the S3 {@code ErrorOutputPrefix}, with {@code !{firehose:error-output-type}} and
 *        {@code !{timestamp:…}} expressions
 * @param deserializer the input format configuration's deserializer: only {@code HiveJsonSerDe} runs here
 * @param compression the Parquet SerDe's compression ({@code SNAPPY}, {@code GZIP} or {@code UNCOMPRESSED})
 * @param columns the Glue table's data columns, in order, with their Glue (Hive) type names
 * @param flushes the records, one entry per buffer flush (one S3 object per partition and flush)
 */
public record DeliveryRequest(String streamName, String prefix, String errorOutputPrefix, String deserializer,
                              String compression, List<TableColumn> columns, List<Flush> flushes) {

    /** A Glue column: its name and its type as Glue stores it ({@code bigint}, {@code map<string,string>}). */
    public record TableColumn(String name, String type) {
    }

    /**
     * Records Firehose received and then delivered together.
     *
     * @param records each PutRecordBatch record's data as the producer sent it (UTF-8 text; the
     *        agent packs several newline-delimited samples in one record)
     * @param arrivalTimestamps each record's approximate arrival time, epoch ms, same order
     */
    public record Flush(List<String> records, List<Long> arrivalTimestamps) {
    }

    /** Table parameters Hive's SerDes read: the column names and types as Hive lists them. */
    Map<String, String> serdeProperties() {
        StringBuilder names = new StringBuilder();
        StringBuilder types = new StringBuilder();
        for (TableColumn column : columns) {
            names.append(names.isEmpty() ? "" : ",").append(column.name());
            types.append(types.isEmpty() ? "" : ":").append(column.type());
        }
        return Map.of("columns", names.toString(), "columns.types", types.toString(),
                "columns.comments", "", "parquet.compression", compression);
    }
}
