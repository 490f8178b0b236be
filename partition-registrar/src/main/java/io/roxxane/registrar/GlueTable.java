package io.roxxane.registrar;

import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * What the registrar needs from the Glue table: its name, its S3 location and the storage
 * descriptor every new partition copies.
 */
public record GlueTable(String database, String name, TableLocation location, StorageDescriptor storageDescriptor) {

    /**
     * Reads the table with GetTable and checks that it is partitioned as {@link PartitionRule#KEYS}.
     *
     * @throws IllegalStateException if the table has no S3 location or other partition keys
     */
    public static GlueTable load(GlueClient glue, String database, String name) {
        Table table = glue.getTable(r -> r.databaseName(database).name(name)).table();
        String qualified = database + "." + name;
        List<String> keys = table.partitionKeys().stream().map(Column::name).collect(Collectors.toList());
        if (!keys.equals(PartitionRule.KEYS)) {
            throw new IllegalStateException("Glue table " + qualified + " has partition keys " + keys
                    + "; the registrar needs exactly " + PartitionRule.KEYS);
        }
        StorageDescriptor sd = table.storageDescriptor();
        if (sd == null || sd.location() == null) {
            throw new IllegalStateException("Glue table " + qualified + " has no storage location");
        }
        TableLocation location;
        try {
            location = TableLocation.parse(sd.location());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Glue table " + qualified + ": " + e.getMessage(), e);
        }
        return new GlueTable(database, name, location, sd);
    }

    /** The table's storage descriptor with the partition's own folder as its location. */
    public StorageDescriptor storageDescriptorFor(PartitionKeys partition) {
        return storageDescriptor.toBuilder().location(location.partitionLocation(partition)).build();
    }

    @Override
    public String toString() {
        return database + "." + name + " at " + location;
    }
}
