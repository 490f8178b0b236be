package io.roxxane.athena.trino;

import io.roxxane.athena.glue.GlueTable;
import io.trino.filesystem.local.LocalFileSystemFactory;
import io.trino.metastore.Database;
import io.trino.metastore.Partition;
import io.trino.metastore.PartitionStatistics;
import io.trino.metastore.PartitionWithStatistics;
import io.trino.metastore.PrincipalPrivileges;
import io.trino.metastore.Table;
import io.trino.plugin.hive.metastore.file.FileHiveMetastore;
import io.trino.plugin.hive.metastore.file.FileHiveMetastoreConfig;
import io.trino.spi.NodeVersion;
import io.trino.spi.security.PrincipalType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Glue Data Catalog of the test: Trino's file metastore in {@code <root>/metastore}, the same
 * one the Hive catalog of {@link AthenaEngine} reads. It takes what Glue takes from CloudFormation
 * or the provisioner and from the partition registrar: a database, a table, the table updated in
 * place, partitions.
 */
public final class TrinoGlueCatalog {
    /** Where the metastore lives, for Trino's {@code hive.metastore.catalog.dir}. */
    public static final String CATALOG_DIR = "local:///metastore";

    private final FileHiveMetastore metastore;
    private final GlueTableTranslation translation;

    /** @param version the engine's version (the file metastore refuses files another version wrote) */
    public TrinoGlueCatalog(Path root, NodeVersion version, GlueTableTranslation translation) {
        this.metastore = new FileHiveMetastore(version, new LocalFileSystemFactory(root), false,
                new FileHiveMetastoreConfig().setCatalogDirectory(CATALOG_DIR).setMetastoreUser("roxxane"));
        this.translation = translation;
    }

    public void createDatabase(String name) {
        metastore.createDatabase(Database.builder().setDatabaseName(name).setOwnerName(Optional.of("roxxane"))
                .setOwnerType(Optional.of(PrincipalType.USER)).build());
    }

    public Table createTable(String database, GlueTable glue) {
        Table table = translation.table(database, glue);
        metastore.createTable(table, PrincipalPrivileges.NO_PRIVILEGES);
        return table;
    }

    /** UpdateTable: the table's new definition, its partitions left as they are. */
    public Table updateTable(String database, GlueTable glue) {
        Table table = translation.table(database, glue);
        metastore.replaceTable(database, glue.name(), table, PrincipalPrivileges.NO_PRIVILEGES, java.util.Map.of());
        return table;
    }

    /** BatchCreatePartition: each partition by its values and S3 location, with the table's storage as {@code asRegistered}. */
    public void createPartitions(String database, GlueTable asRegistered, List<PartitionAt> partitions) {
        List<PartitionWithStatistics> batch = new ArrayList<>();
        for (PartitionAt p : partitions) {
            Partition partition = translation.partition(database, asRegistered, p.values(), p.s3Location());
            batch.add(new PartitionWithStatistics(partition, p.name(), PartitionStatistics.empty()));
        }
        metastore.addPartitions(database, asRegistered.name(), batch);
    }

    /** GetPartition: the partition as the catalog holds it. */
    public Optional<Partition> partition(String database, String table, List<String> values) {
        Table stored = metastore.getTable(database, table).orElseThrow();
        return metastore.getPartition(stored, values);
    }

    /** A partition's values (in {@code PartitionRule.KEYS} order), its Hive name and its S3 folder. */
    public record PartitionAt(List<String> values, String name, String s3Location) {
    }
}
