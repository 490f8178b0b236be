package io.roxxane.athena.trino;

import io.roxxane.athena.glue.GlueTable;
import io.roxxane.athena.glue.GlueTable.GlueColumn;
import io.trino.metastore.Column;
import io.trino.metastore.HiveType;
import io.trino.metastore.Partition;
import io.trino.metastore.StorageFormat;
import io.trino.metastore.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Glue table as Athena's engine receives it: the Glue {@code TableInput} turned into Trino's
 * metastore {@link Table} field for field, as Trino's own Glue metastore does (types parsed by
 * Trino's {@link HiveType}, the SerDe and formats passed on for Trino to recognise, parameters
 * kept), with S3 locations mapped onto the local file system that stands in for the bucket.
 */
public final class GlueTableTranslation {
    private final String bucketUri;
    private final String localUri;

    /**
     * @param bucketUri {@code s3://bucket/}: the bucket the table's and partitions' locations name
     * @param localUri {@code local:///}: where that bucket's keys are for Trino's local file system
     */
    public GlueTableTranslation(String bucketUri, String localUri) {
        this.bucketUri = bucketUri;
        this.localUri = localUri;
    }

    public Table table(String database, GlueTable glue) {
        return Table.builder()
                .setDatabaseName(database)
                .setTableName(glue.name())
                .setOwner(Optional.of("roxxane"))
                .setTableType(glue.tableType())
                .setDataColumns(columns(glue.columns()))
                .setPartitionColumns(columns(glue.partitionKeys()))
                .setParameters(glue.parameters())
                .withStorage(storage -> storage
                        .setStorageFormat(StorageFormat.create(glue.serializationLibrary(), glue.inputFormat(), glue.outputFormat()))
                        .setSerdeParameters(glue.serdeParameters())
                        .setLocation(local(glue.location())))
                .build();
    }

    /**
     * A partition as Glue's BatchCreatePartition gets it from the partition registrar: the values,
     * and a copy of the table's storage descriptor as the table was when the partition was
     * registered ({@code asRegistered}: its columns, SerDe and formats), with the partition's own
     * location. A partition registered before a table update keeps its older column list.
     */
    public Partition partition(String database, GlueTable asRegistered, List<String> values, String s3Location) {
        return Partition.builder()
                .setDatabaseName(database)
                .setTableName(asRegistered.name())
                .setValues(values)
                .setColumns(columns(asRegistered.columns()))
                .withStorage(storage -> storage
                        .setStorageFormat(StorageFormat.create(asRegistered.serializationLibrary(), asRegistered.inputFormat(),
                                asRegistered.outputFormat()))
                        .setSerdeParameters(asRegistered.serdeParameters())
                        .setLocation(local(s3Location)))
                .setParameters(Map.of())
                .build();
    }

    /** {@code s3://bucket/key} as {@code local:///key}; any other location is refused. */
    public String local(String s3Location) {
        if (!s3Location.startsWith(bucketUri)) {
            throw new IllegalArgumentException(s3Location + " is not in " + bucketUri);
        }
        return localUri + s3Location.substring(bucketUri.length());
    }

    private static List<Column> columns(List<GlueColumn> columns) {
        return columns.stream()
                .map(c -> new Column(c.name(), HiveType.valueOf(c.type()), Optional.ofNullable(c.comment()), Map.of()))
                .toList();
    }
}
