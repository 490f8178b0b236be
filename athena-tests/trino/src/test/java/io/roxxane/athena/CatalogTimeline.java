package io.roxxane.athena;

import io.roxxane.athena.firehose.DeliveryResult.DeliveredObject;
import io.roxxane.athena.glue.TableHistory;
import io.roxxane.athena.trino.TrinoGlueCatalog;
import io.roxxane.athena.trino.TrinoGlueCatalog.PartitionAt;
import io.roxxane.registrar.TableLocation;
import io.roxxane.schema.PartitionKeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Glue catalog as it changed while the objects arrived: the table as the schema-1 stack created
 * it; each object's partition registered as the partition registrar does on the object's S3 event
 * (the registrar's own {@code TableLocation.partitionOf} on the key, a copy of the table's storage
 * descriptor of that moment), once; the table updated in place to schema 2 when the first object
 * converted with it arrives (or at the end), its partitions left as they were.
 */
final class CatalogTimeline {
    /** A partition, and the table version whose columns it was registered with. */
    record RegisteredPartition(PartitionKeys keys, String tableVersionId) {
    }

    private CatalogTimeline() {
    }

    /** @param objects in the order they were written */
    static List<RegisteredPartition> replay(TrinoGlueCatalog catalog, String database, TableHistory table, String bucket,
            List<DeliveredObject> objects) {
        TableLocation location = TableLocation.parse(table.after().location());
        catalog.createTable(database, table.before());
        String current = TableHistory.BEFORE;
        Set<PartitionKeys> seen = new LinkedHashSet<>();
        List<RegisteredPartition> registered = new ArrayList<>();
        for (DeliveredObject object : objects) {
            if (!object.tableVersionId().equals(current)) {
                current = update(catalog, database, table, current, object.tableVersionId());
            }
            PartitionKeys keys = location.partitionOf(bucket, object.key());
            if (seen.add(keys)) {
                String name = keys.path().substring(0, keys.path().length() - 1);
                catalog.createPartitions(database, table.version(current),
                        List.of(new PartitionAt(keys.values(), name, location.partitionLocation(keys))));
                registered.add(new RegisteredPartition(keys, current));
            }
        }
        update(catalog, database, table, current, TableHistory.AFTER);
        return List.copyOf(registered);
    }

    private static String update(TrinoGlueCatalog catalog, String database, TableHistory table, String from, String to) {
        if (from.equals(TableHistory.BEFORE) && to.equals(TableHistory.AFTER)) {
            catalog.updateTable(database, table.after());
        } else if (!from.equals(to)) {
            throw new IllegalStateException("the table went from version " + from + " back to " + to);
        }
        return to;
    }
}
