package io.roxxane.provisioner.resources;

import java.util.List;
import java.util.Map;

/**
 * The metrics table: Parquet files under the data prefix, columns from the schema, partitioned
 * by service and UTC hour. {@code parameters} holds only the table parameters this stack sets.
 */
public record GlueTableSpec(String tableType, String location, List<ColumnSpec> columns, List<ColumnSpec> partitionKeys,
                            String inputFormat, String outputFormat, String serializationLibrary,
                            Map<String, String> serdeParameters, Map<String, String> parameters) {

    /** One column as Glue stores it. */
    public record ColumnSpec(String name, String type, String comment) {
    }
}
