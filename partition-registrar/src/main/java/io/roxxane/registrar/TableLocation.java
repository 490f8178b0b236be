package io.roxxane.registrar;

import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.util.Optional;

/**
 * The S3 folder of the Glue table, {@code s3://bucket/PREFIX/}: tells which object keys belong
 * to the table and where each partition's folder is.
 */
public record TableLocation(String bucket, String prefix) {

    /**
     * @param bucket the bucket name
     * @param prefix the key prefix, empty or ending in {@code /}
     */
    public TableLocation {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("table location bucket must not be empty");
        }
        if (prefix == null || !prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("table location prefix must be empty or end in '/', was '" + prefix + "'");
        }
    }

    /**
     * Parses a Glue table's {@code StorageDescriptor.Location}, e.g. {@code s3://bucket/metrics/}.
     * A missing trailing slash is added.
     *
     * @throws IllegalArgumentException if the location is not an {@code s3://bucket[/prefix]} URI
     */
    public static TableLocation parse(String location) {
        if (location == null || !location.startsWith("s3://")) {
            throw new IllegalArgumentException(
                    "table location must be an s3://bucket/prefix/ URI, was '" + location + "'");
        }
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (bucket.isEmpty() || prefix.startsWith("/")) {
            throw new IllegalArgumentException(
                    "table location must be an s3://bucket/prefix/ URI, was '" + location + "'");
        }
        return new TableLocation(bucket, prefix);
    }

    /** The key relative to this location, or empty when the object is outside it. */
    public Optional<String> relativeKey(String objectBucket, String objectKey) {
        if (!bucket.equals(objectBucket) || !objectKey.startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(objectKey.substring(prefix.length()));
    }

    /**
     * The partition an object of this table belongs to: its key must be
     * {@code PREFIX/service=S/year=YYYY/month=MM/day=DD/hour=HH/<file>}, the partition folder
     * exactly as {@link PartitionRule#parse} reads it, followed by a non-empty file name.
     * Anything else (another bucket or prefix, the Firehose error prefix, folder markers, keys
     * in a different order, deeper folders, values the transform could never have written) is
     * refused with the reason, so that only partitions Roxxane writes reach the Glue catalog.
     *
     * @param objectKey the decoded object key
     * @throws UnrecognisedKeyException naming what does not match
     */
    public PartitionKeys partitionOf(String objectBucket, String objectKey) {
        String relative = relativeKey(objectBucket, objectKey).orElseThrow(
                () -> new UnrecognisedKeyException("outside the table location " + this));
        PartitionKeys partition;
        try {
            partition = PartitionRule.parse(relative);
        } catch (IllegalArgumentException e) {
            throw new UnrecognisedKeyException(e.getMessage());
        }
        if (relative.endsWith("/")) {
            throw new UnrecognisedKeyException("no file name after hour=" + partition.hour() + "/ (a folder marker)");
        }
        return partition;
    }

    /** {@code s3://bucket/PREFIX/service=…/…/hour=HH/}: the partition's folder. */
    public String partitionLocation(PartitionKeys partition) {
        return "s3://" + bucket + "/" + prefix + partition.path();
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
