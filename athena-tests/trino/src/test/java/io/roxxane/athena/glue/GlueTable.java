package io.roxxane.athena.glue;

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

    public GlueColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name + " in " + this.name));
    }
}
