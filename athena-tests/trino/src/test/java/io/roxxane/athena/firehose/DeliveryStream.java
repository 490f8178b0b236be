package io.roxxane.athena.firehose;

import io.roxxane.athena.firehose.DeliveryRequest.Flush;
import io.roxxane.athena.firehose.DeliveryRequest.TableColumn;
import io.roxxane.athena.glue.GlueTable;
import io.roxxane.schema.PartitionRule;
import java.util.List;

/**
 * The delivery stream as the provisioner configures it (provisioner {@code StackLayout} and
 * {@code DeliveryStreamResource}): prefix {@code <data prefix>service=!{partitionKeyFromLambda:service}/…/hour=…/}
 * over {@link PartitionRule#KEYS}, error prefix by error type and arrival hour, the transform
 * Lambda, Parquet with Snappy through the Glue table.
 *
 * <p>One deliberate difference: the provisioner configures the OpenX JSON SerDe
 * ({@code CaseInsensitive=true}); here it is Hive's JSON SerDe, the deserializer the stream should
 * use (athena-tests/README.md, "The JSON SerDe").
 */
public record DeliveryStream(String name, String prefix, String errorOutputPrefix, String deserializer, String compression) {
    public static final String NAME = "roxxane-metrics";

    /** @param dataPrefix the table location's key prefix, empty or ending in {@code /} ({@code metrics/}) */
    public static DeliveryStream forDataPrefix(String dataPrefix) {
        StringBuilder prefix = new StringBuilder(dataPrefix);
        for (String key : PartitionRule.KEYS) {
            prefix.append(key).append("=!{partitionKeyFromLambda:").append(key).append("}/");
        }
        return new DeliveryStream(NAME, prefix.toString(),
                "errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/",
                "HiveJsonSerDe", "SNAPPY");
    }

    /** The request for the converter: this stream, the Glue table's data columns, the records. */
    public DeliveryRequest request(GlueTable table, List<Flush> flushes) {
        List<TableColumn> columns = table.columns().stream().map(c -> new TableColumn(c.name(), c.type())).toList();
        return new DeliveryRequest(name, prefix, errorOutputPrefix, deserializer, compression, columns, flushes);
    }
}
