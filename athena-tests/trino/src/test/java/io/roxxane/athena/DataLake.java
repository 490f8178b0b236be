package io.roxxane.athena;

import io.roxxane.athena.CatalogTimeline.RegisteredPartition;
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
import io.roxxane.athena.glue.TableHistory;
import io.roxxane.athena.trino.AthenaEngine;
import io.roxxane.athena.trino.GlueTableTranslation;
import io.roxxane.athena.trino.TrinoGlueCatalog;
import io.roxxane.registrar.TableLocation;
import io.roxxane.schema.PartitionKeys;
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
 *   <li>traffic: the crafted fleet mid-upgrade around yesterday and the real agent's recorded samples;</li>
 *   <li>Firehose: the stream as the provisioner configures it; the hive-converter (transform Lambda,
 *       dynamic partitioning, Hive's JSON and Parquet SerDes, Snappy) writes the objects into
 *       {@code root/roxxane-lake}, the bucket, each flush converted with the Glue table's version
 *       of that moment (schema 1 until the stack upgrade, schema 2 after);</li>
 *   <li>Glue: the database and the table of glue-templates' {@code roxxane-catalog.yaml} (first with
 *       its schema-1 columns, updated in place at the upgrade), one partition per object key the
 *       partition registrar accepts, registered as the registrar registers them
 *       ({@link CatalogTimeline});</li>
 *   <li>Athena: Trino 483 on that catalog and bucket.</li>
 * </ol>
 */
public final class DataLake implements AutoCloseable {
    public static final String BUCKET = "roxxane-lake";
    private static final String BUCKET_URI = "s3://" + BUCKET + "/";

    private final CatalogTemplate template;
    private final TableHistory table;
    private final SampleFleet fleet;
    private final Traffic traffic;
    private final DeliveryStream stream;
    private final DeliveryResult delivery;
    private final List<RegisteredPartition> partitions;
    private final TrinoGlueCatalog catalog;
    private final AthenaEngine engine;
    private final Map<String, Long> timings;

    private DataLake(CatalogTemplate template, TableHistory table, SampleFleet fleet, Traffic traffic, DeliveryStream stream,
            DeliveryResult delivery, List<RegisteredPartition> partitions, TrinoGlueCatalog catalog, AthenaEngine engine,
            Map<String, Long> timings) {
        this.template = template;
        this.table = table;
        this.fleet = fleet;
        this.traffic = traffic;
        this.stream = stream;
        this.delivery = delivery;
        this.partitions = partitions;
        this.catalog = catalog;
        this.engine = engine;
        this.timings = timings;
    }

    public static DataLake create(Path root) throws Exception {
        Map<String, Long> timings = new ConcurrentSkipListMap<>();
        deleteRecursively(root);
        Path bucket = root.resolve(BUCKET);
        Files.createDirectories(bucket);
        CatalogTemplate template = new CatalogTemplate(Repo.catalogTemplate(), Map.of("DataBucketName", BUCKET));
        SampleFleet fleet = new SampleFleet(LocalDate.now(ZoneOffset.UTC).minusDays(1));
        TableHistory table = TableHistory.upgradedAt(template.table(), fleet.stackUpgradedAt());
        DeliveryStream stream = DeliveryStream.asProvisioned();
        String tablePrefix = TableLocation.parse(table.after().location()).prefix();
        if (!stream.dataPrefix().equals(tablePrefix)) {
            throw new IllegalStateException("the provisioner's stream writes under " + stream.dataPrefix()
                    + ", the template's table reads " + tablePrefix);
        }
        List<Send> sends = new ArrayList<>(fleet.sends());
        sends.addAll(RecordedAgentSamples.sends(Repo.recordedAgentSamples()));
        Traffic traffic = new Traffic(sends, table);

        // Trino starts while the converter's JVM works: two processes, two cores.
        String database = template.parameter("DatabaseName");
        CompletableFuture<AthenaEngine> starting = CompletableFuture.supplyAsync(() -> startEngine(root, database, timings));
        try {
            long start = System.nanoTime();
            DeliveryResult delivery = HiveConverterProcess.deliver(stream.request(table.converterVersions(), traffic.flushes()),
                    bucket, root.resolve("converter"));
            timings.put("hive_conversion_ms", millisSince(start));
            AthenaEngine engine = starting.join();
            GlueTableTranslation translation = new GlueTableTranslation(BUCKET_URI, "local:///" + BUCKET + "/");
            TrinoGlueCatalog catalog = new TrinoGlueCatalog(root, engine.nodeVersion(), translation);
            catalog.createDatabase(database);
            List<RegisteredPartition> partitions = CatalogTimeline.replay(catalog, database, table, BUCKET, delivery.objects());
            Files.writeString(root.resolve("timings.txt"), timings + "\n");
            return new DataLake(template, table, fleet, traffic, stream, delivery, partitions, catalog, engine, timings);
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

    public CatalogTemplate template() {
        return template;
    }

    /** The table as it is now (schema 2). */
    public GlueTable table() {
        return table.after();
    }

    /** The table before and after the stack upgrade. */
    public TableHistory tableHistory() {
        return table;
    }

    public DeliveryStream stream() {
        return stream;
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

    /** The partitions in the order registered, each with the table version it copied. */
    public List<RegisteredPartition> partitions() {
        return partitions;
    }

    /** The columns the catalog holds for a partition (a copy of the table's when it was registered). */
    public List<String> partitionColumns(PartitionKeys keys) {
        return catalog.partition(template.parameter("DatabaseName"), table().name(), keys.values()).orElseThrow()
                .getColumns().stream().map(c -> c.getName()).toList();
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
