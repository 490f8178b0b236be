package io.roxxane.athena;

import io.roxxane.athena.data.RecordedAgentSamples;
import io.roxxane.athena.data.SampleFleet;
import io.roxxane.athena.data.Send;
import io.roxxane.athena.data.StoredRow;
import io.roxxane.athena.data.Traffic;
import io.roxxane.athena.firehose.DeliveryResult;
import io.roxxane.athena.firehose.DeliveryStream;
import io.roxxane.athena.firehose.HiveConverterProcess;
import io.roxxane.athena.glue.CatalogTemplate;
import io.roxxane.athena.glue.GlueTable;
import io.roxxane.athena.trino.AthenaEngine;
import io.roxxane.athena.trino.GlueTableTranslation;
import io.roxxane.athena.trino.TrinoGlueCatalog;
import io.roxxane.athena.trino.TrinoGlueCatalog.PartitionAt;
import io.roxxane.registrar.HivePartition;
import io.roxxane.registrar.PartitionKeyParser;
import io.roxxane.registrar.TableLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Roxxane's query path, built once per test JVM below {@code root}:
 * <ol>
 *   <li>traffic: the crafted fleet around yesterday and the real agent's recorded samples;</li>
 *   <li>Firehose: the hive-converter (transform Lambda, dynamic partitioning, Hive's JSON and
 *       Parquet SerDes, Snappy) writes the objects into {@code root/roxxane-lake}, the bucket;</li>
 *   <li>Glue: the database and the table of glue-templates' {@code roxxane-catalog.yaml}, and one
 *       partition per object key the partition registrar's parser accepts, as the registrar
 *       registers them;</li>
 *   <li>Athena: Trino 483 on that catalog and bucket.</li>
 * </ol>
 */
public final class DataLake implements AutoCloseable {
    public static final String BUCKET = "roxxane-lake";
    private static final String BUCKET_URI = "s3://" + BUCKET + "/";

    private final CatalogTemplate template;
    private final GlueTable table;
    private final SampleFleet fleet;
    private final Traffic traffic;
    private final DeliveryResult delivery;
    private final List<HivePartition> partitions;
    private final Path bucket;
    private final AthenaEngine engine;
    private final Map<String, Long> timings;

    private DataLake(CatalogTemplate template, GlueTable table, SampleFleet fleet, Traffic traffic, DeliveryResult delivery,
            List<HivePartition> partitions, Path bucket, AthenaEngine engine, Map<String, Long> timings) {
        this.template = template;
        this.table = table;
        this.fleet = fleet;
        this.traffic = traffic;
        this.delivery = delivery;
        this.partitions = partitions;
        this.bucket = bucket;
        this.engine = engine;
        this.timings = timings;
    }

    public static DataLake create(Path root) throws Exception {
        Map<String, Long> timings = new ConcurrentSkipListMap<>();
        deleteRecursively(root);
        Path bucket = root.resolve(BUCKET);
        Files.createDirectories(bucket);
        CatalogTemplate template = new CatalogTemplate(Repo.catalogTemplate(), Map.of("DataBucketName", BUCKET));
        GlueTable table = template.table();
        SampleFleet fleet = new SampleFleet(LocalDate.now(ZoneOffset.UTC).minusDays(1));
        List<Send> sends = new ArrayList<>(fleet.sends());
        sends.addAll(RecordedAgentSamples.sends(Repo.recordedAgentSamples()));
        Traffic traffic = new Traffic(sends);

        // Trino starts while the converter's JVM works: two processes, two cores.
        CompletableFuture<AthenaEngine> starting = CompletableFuture.supplyAsync(() -> startEngine(root,
                template.parameter("DatabaseName"), timings));
        try {
            long start = System.nanoTime();
            DeliveryStream stream = DeliveryStream.forDataPrefix(template.parameter("DataPrefix"));
            DeliveryResult delivery = HiveConverterProcess.deliver(stream.request(table, traffic.flushes()), bucket,
                    root.resolve("converter"));
            timings.put("hive_conversion_ms", millisSince(start));
            AthenaEngine engine = starting.join();
            GlueTableTranslation translation = new GlueTableTranslation(BUCKET_URI, "local:///" + BUCKET + "/");
            TrinoGlueCatalog catalog = new TrinoGlueCatalog(root, engine.nodeVersion(), translation);
            String database = template.parameter("DatabaseName");
            catalog.createDatabase(database);
            io.trino.metastore.Table trinoTable = catalog.createTable(database, table);
            List<HivePartition> partitions = register(catalog, trinoTable, table, delivery);
            Files.writeString(root.resolve("timings.txt"), timings + "\n");
            return new DataLake(template, table, fleet, traffic, delivery, partitions, bucket, engine, timings);
        } catch (Exception e) {
            starting.thenAccept(AthenaEngine::close);
            throw e;
        }
    }

    private static AthenaEngine startEngine(Path root, String database, Map<String, Long> timings) {
        long start = System.nanoTime();
        try {
            AthenaEngine engine = new AthenaEngine(root, database);
            timings.put("trino_startup_ms", millisSince(start));
            return engine;
        } catch (Exception e) {
            throw new IllegalStateException("Trino did not start: " + e.getMessage(), e);
        }
    }

    /** What the partition registrar does for each new object: its key's partition, once, at the table location. */
    private static List<HivePartition> register(TrinoGlueCatalog catalog, io.trino.metastore.Table trinoTable, GlueTable table,
            DeliveryResult delivery) {
        TableLocation location = TableLocation.parse(table.location());
        List<HivePartition> found = new ArrayList<>();
        for (DeliveryResult.DeliveredObject object : delivery.objects()) {
            String relative = location.relativeKey(BUCKET, object.key()).orElseThrow(
                    () -> new IllegalStateException(object.key() + " is outside the table location " + location));
            HivePartition partition = PartitionKeyParser.parse(relative);
            if (!found.contains(partition)) {
                found.add(partition);
            }
        }
        List<PartitionAt> batch = found.stream().map(p -> new PartitionAt(p.values(), location.partitionLocation(p))).toList();
        catalog.createPartitions(trinoTable, batch);
        return List.copyOf(found);
    }

    public CatalogTemplate template() {
        return template;
    }

    public GlueTable table() {
        return table;
    }

    public SampleFleet fleet() {
        return fleet;
    }

    /** One row per sample sent, as the transform stores it. */
    public List<StoredRow> stored() {
        return traffic.stored();
    }

    public DeliveryResult delivery() {
        return delivery;
    }

    public List<HivePartition> partitions() {
        return partitions;
    }

    public Path bucket() {
        return bucket;
    }

    public AthenaEngine engine() {
        return engine;
    }

    /** {@code hive_conversion_ms}, {@code trino_startup_ms}. */
    public Map<String, Long> timings() {
        return timings;
    }

    @Override
    public void close() {
        engine.close();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
