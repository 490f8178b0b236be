package io.roxxane.registrar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partitions this container already registered (or found registered), least recently
 * seen dropped first, so that a busy hour's thousands of objects cost one Glue call, not
 * thousands. Bounded: memory stays flat however long the container lives.
 */
public final class RegisteredPartitions {
    /** Default capacity: 10,000 partitions, well under a megabyte. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<HivePartition, Boolean> lru;

    public RegisteredPartitions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<HivePartition, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True if registered before; also marks the partition as recently seen. */
    public synchronized boolean contains(HivePartition partition) {
        return lru.get(partition) != null;
    }

    public synchronized void add(HivePartition partition) {
        lru.put(partition, Boolean.TRUE);
    }

    public synchronized int size() {
        return lru.size();
    }
}
