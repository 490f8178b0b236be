package io.roxxane.registrar;

import io.roxxane.schema.PartitionKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;

/**
 * Creates partitions with BatchCreatePartition, at most {@value #MAX_PER_CALL} per call. A
 * partition that already exists counts as done; any other per-partition error is collected
 * and thrown after every batch was tried, so that a retry redoes only what failed.
 */
public final class PartitionWriter {
    /** Glue's limit for BatchCreatePartition. */
    public static final int MAX_PER_CALL = 100;

    private static final String ALREADY_EXISTS = "AlreadyExistsException";

    private final GlueClient glue;

    public PartitionWriter(GlueClient glue) {
        this.glue = glue;
    }

    /**
     * @return how many were created and how many already existed; every partition in
     *         {@code partitions} is in one of the two
     * @throws PartitionRegistrationException if Glue refused any partition for another reason
     *         than that it exists ({@link PartitionRegistrationException#done()} lists the ones that succeeded)
     */
    public Outcome create(GlueTable table, List<PartitionKeys> partitions) {
        List<PartitionKeys> created = new ArrayList<>();
        List<PartitionKeys> existing = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int from = 0; from < partitions.size(); from += MAX_PER_CALL) {
            List<PartitionKeys> batch = partitions.subList(from, Math.min(from + MAX_PER_CALL, partitions.size()));
            List<PartitionInput> inputs = new ArrayList<>(batch.size());
            for (PartitionKeys p : batch) {
                inputs.add(PartitionInput.builder().values(p.values()).storageDescriptor(table.storageDescriptorFor(p)).build());
            }
            BatchCreatePartitionResponse response = glue.batchCreatePartition(r -> r
                    .databaseName(table.database()).tableName(table.name()).partitionInputList(inputs));
            Set<List<String>> alreadyThere = new HashSet<>();
            Set<List<String>> failed = new HashSet<>();
            for (PartitionError error : response.errors()) {
                String code = error.errorDetail() == null ? null : error.errorDetail().errorCode();
                if (ALREADY_EXISTS.equals(code)) {
                    alreadyThere.add(error.partitionValues());
                } else {
                    failed.add(error.partitionValues());
                    failures.add(error.partitionValues() + ": " + code + " "
                            + (error.errorDetail() == null ? "" : error.errorDetail().errorMessage()));
                }
            }
            for (PartitionKeys p : batch) {
                if (alreadyThere.contains(p.values())) {
                    existing.add(p);
                } else if (!failed.contains(p.values())) {
                    created.add(p);
                }
            }
        }
        if (!failures.isEmpty()) {
            List<PartitionKeys> done = new ArrayList<>(created);
            done.addAll(existing);
            throw new PartitionRegistrationException("Glue refused " + failures.size() + " of " + partitions.size()
                    + " partitions of " + table + ": " + String.join("; ", failures), done);
        }
        return new Outcome(created, existing);
    }

    /** The partitions created by this call and the ones Glue already had. */
    public record Outcome(List<PartitionKeys> created, List<PartitionKeys> alreadyExisted) {
    }
}
