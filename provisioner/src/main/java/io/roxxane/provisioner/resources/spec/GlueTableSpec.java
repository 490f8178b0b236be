package io.roxxane.provisioner.resources.spec;

import java.util.List;
import java.util.Map;

/**
 * The metrics table: Parquet files under the data prefix, columns from the schema, partitioned
 * by service and UTC hour. {@code parameters} holds only the table parameters this stack sets;
 * {@code contradictingParameters} the ones that contradict the design (partition projection,
 * {@code projection.*} and {@code storage.location.template}): desired empty. Other parameters
 * (Glue's and other tools' own) are neither compared nor removed.
 */
public record GlueTableSpec(String tableType, String location, List<ColumnSpec> columns, List<ColumnSpec> partitionKeys,
                            String inputFormat, String outputFormat, String serializationLibrary,
                            Map<String, String> serdeParameters, Map<String, String> parameters,
                            Map<String, String> contradictingParameters) {

    /**
     * Whether a table parameter turns on or configures Athena partition projection, which the stack
     * does not use: with it Athena ignores the registered partitions, and an {@code injected}
     * {@code service} demands a service filter in every query.
     */
    public static boolean contradictsDesign(String parameter) {
        return parameter.startsWith("projection.") || parameter.equals("storage.location.template");
    }

    /** One column as Glue stores it. */
    public record ColumnSpec(String name, String type, String comment) {
        /** Name and type, as a plan line lists a changed column. */
        @Override
        public String toString() {
            return name + " " + type;
        }
    }
}
