package io.roxxane.registrar;

import io.roxxane.schema.PartitionKeys;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The partitions this container registered (or found registered) recently, so that a busy
 * hour's many objects cost one Glue call, not one each. Bounded in size (least recently seen
 * dropped first) so memory stays flat however long the container lives, and in age, so that
 * a table dropped and re-created under a live container gets its partitions back within
 * {@code maxAge}.
 */
public final class RegisteredPartitions {
    /** Default capacity: 10,000 partitions, well under a megabyte. */
    public static final int DEFAULT_CAPACITY = 10_000;

    /** Default age after which a partition is sent to Glue again (which answers AlreadyExists). */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    private final Map<PartitionKeys, Long> addedAtNanos;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;

    public RegisteredPartitions(int capacity, Duration maxAge, LongSupplier nanoClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
        this.addedAtNanos = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PartitionKeys, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** {@link #DEFAULT_CAPACITY} entries of at most {@link #DEFAULT_MAX_AGE}. */
    public static RegisteredPartitions withDefaults() {
        return new RegisteredPartitions(DEFAULT_CAPACITY, DEFAULT_MAX_AGE, System::nanoTime);
    }

    /** True if registered less than {@code maxAge} ago; also marks the partition as recently seen. */
    public synchronized boolean contains(PartitionKeys partition) {
        Long addedAt = addedAtNanos.get(partition);
        if (addedAt == null) {
            return false;
        }
        if (nanoClock.getAsLong() - addedAt >= maxAgeNanos) {
            addedAtNanos.remove(partition);
            return false;
        }
        return true;
    }

    public synchronized void add(PartitionKeys partition) {
        addedAtNanos.put(partition, nanoClock.getAsLong());
    }

    public synchronized int size() {
        return addedAtNanos.size();
    }
}
