package io.roxxane.athena.glue;

import io.roxxane.schema.Column;
import java.util.List;
import java.util.Map;

/**
 * A Glue table as CloudFormation's {@code AWS::Glue::Table} {@code TableInput} declares it (and as
 * Glue stores it): what Firehose's record format conversion and Athena both read.
 *
 * @param location the storage location with the template's parameters substituted ({@code s3://bucket/prefix/})
 */
public record GlueTable(String name, String tableType, List<GlueColumn> columns, List<GlueColumn> partitionKeys,
                        String location, String inputFormat, String outputFormat, String serializationLibrary,
                        Map<String, String> serdeParameters, Map<String, String> parameters) {

    /** A column as Glue stores it: the type is a Hive type name ({@code bigint}, {@code map<string,string>}). */
    public record GlueColumn(String name, String type, String comment) {
    }

    /**
     * This table as a stack of schema {@code version} had it: only the columns that version
     * declared (columns are only ever appended, so these are a prefix), the rest as it is.
     *
     * @throws IllegalStateException for a column the schema does not know
     */
    public GlueTable asOfSchemaVersion(int version) {
        List<GlueColumn> kept = columns.stream().filter(c -> {
            Column column = Column.byName(c.name());
            if (column == null) {
                throw new IllegalStateException("column " + c.name() + " of " + name + " is not in the schema");
            }
            return column.sinceVersion() <= version;
        }).toList();
        return new GlueTable(name, tableType, kept, partitionKeys, location, inputFormat, outputFormat, serializationLibrary,
                serdeParameters, parameters);
    }

    public GlueColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name + " in " + this.name));
    }
}
