package io.roxxane.registrar;

import io.roxxane.schema.PartitionKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Turns the records of one S3 event into registered partitions: keeps the objects under the
 * table location whose keys follow the Hive layout, drops the partitions this container
 * already registered, and creates the rest in Glue. The table is read with GetTable once per
 * container and again when the copy is older than the partition cache's age limit, so a
 * schema change or a re-created table is picked up without a new container.
 */
public final class PartitionRegistrar {
    private final GlueClient glue;
    private final String database;
    private final String tableName;
    private final PartitionWriter writer;
    private final RegisteredPartitions registered;
    private final long tableMaxAgeNanos;
    private final LongSupplier nanoClock;
    private GlueTable table;
    private long tableReadAtNanos;

    /**
     * @param tableMaxAge how long a GetTable answer is used before the table is read again
     * @param nanoClock {@code System::nanoTime}, or a test clock
     */
    public PartitionRegistrar(GlueClient glue, String database, String tableName, RegisteredPartitions registered,
            Duration tableMaxAge, LongSupplier nanoClock) {
        this.glue = glue;
        this.database = database;
        this.tableName = tableName;
        this.writer = new PartitionWriter(glue);
        this.registered = registered;
        this.tableMaxAgeNanos = tableMaxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * @param log receives one line per ignored record
     * @throws PartitionRegistrationException if Glue refused a partition (retry the event)
     * @throws RuntimeException from the SDK if Glue could not be reached (retry the event)
     */
    public Summary register(List<S3EventRecord> records, Consumer<String> log) {
        if (records.isEmpty()) {
            return new Summary(0, 0, 0, 0, 0, 0);
        }
        GlueTable target = table();
        Set<PartitionKeys> found = new LinkedHashSet<>();
        int ignored = 0;
        for (S3EventRecord record : records) {
            try {
                found.add(partitionOf(record, target));
            } catch (UnrecognisedKeyException e) {
                ignored++;
                log.accept("ignored " + record.describe() + ": " + e.getMessage());
            }
        }
        List<PartitionKeys> fresh = new ArrayList<>();
        for (PartitionKeys p : found) {
            if (!registered.contains(p)) {
                fresh.add(p);
            }
        }
        PartitionWriter.Outcome outcome;
        try {
            outcome = fresh.isEmpty() ? new PartitionWriter.Outcome(List.of(), List.of()) : writer.create(target, fresh);
        } catch (PartitionRegistrationException e) {
            e.done().forEach(registered::add);
            throw e;
        }
        outcome.created().forEach(registered::add);
        outcome.alreadyExisted().forEach(registered::add);
        return new Summary(records.size(), ignored, found.size(), found.size() - fresh.size(),
                outcome.created().size(), outcome.alreadyExisted().size());
    }

    private static PartitionKeys partitionOf(S3EventRecord record, GlueTable target) {
        if (!record.isObjectCreated()) {
            throw new UnrecognisedKeyException("event '" + record.eventName() + "' is not ObjectCreated:*");
        }
        if (record.bucket() == null || record.encodedKey() == null) {
            throw new UnrecognisedKeyException("record has no s3.bucket.name or s3.object.key");
        }
        return target.location().partitionOf(record.bucket(), record.decodedKey());
    }

    private synchronized GlueTable table() {
        long now = nanoClock.getAsLong();
        if (table == null || now - tableReadAtNanos >= tableMaxAgeNanos) {
            table = GlueTable.load(glue, database, tableName);
            tableReadAtNanos = now;
        }
        return table;
    }

    /**
     * What one invocation did.
     *
     * @param records S3 event records received
     * @param ignored records that are not a Roxxane partition file (logged)
     * @param partitions distinct partitions among the rest
     * @param cached partitions this container had registered already (no Glue call)
     * @param created partitions created in Glue
     * @param alreadyExisted partitions Glue already had
     */
    public record Summary(int records, int ignored, int partitions, int cached, int created, int alreadyExisted) {
    }
}
