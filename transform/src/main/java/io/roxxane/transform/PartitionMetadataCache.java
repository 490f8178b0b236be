package io.roxxane.transform;

import com.fasterxml.jackson.core.io.SerializedString;
import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.util.HashMap;
import java.util.Map;

/**
 * The response's {@code metadata} object for a (service, hour), built once per invocation and
 * reused: the samples of one event share a few services and hours.
 */
final class PartitionMetadataCache {
    private static final long MS_PER_HOUR = 3_600_000L;
    private static final int MAX_ENTRIES = 1024;
    private static final String NO_SERVICE = new String("\u0000no service");

    private final Map<String, Entry> byService = new HashMap<>();

    /**
     * The raw {@code metadata} JSON for a sample.
     *
     * @param service the sample's service as sent, or null when it has none
     * @throws IllegalArgumentException if {@code tsMillis} is outside the partition rule's range
     */
    SerializedString metadataFor(String service, long tsMillis) {
        String key = service == null ? NO_SERVICE : service;
        long hour = Math.floorDiv(tsMillis, MS_PER_HOUR);
        Entry entry = byService.get(key);
        if (entry == null || entry.hour != hour) {
            entry = new Entry(hour, toJson(PartitionRule.keysFor(service, tsMillis)));
            if (byService.size() >= MAX_ENTRIES) {
                byService.clear();
            }
            byService.put(key, entry);
        }
        return entry.metadata;
    }

    /** The partition values are safe path segments (ServiceNames, digits): no JSON escaping is needed. */
    static SerializedString toJson(PartitionKeys keys) {
        return new SerializedString("{\"partitionKeys\":{\"service\":\"" + keys.service()
                + "\",\"year\":\"" + keys.year()
                + "\",\"month\":\"" + keys.month()
                + "\",\"day\":\"" + keys.day()
                + "\",\"hour\":\"" + keys.hour() + "\"}}");
    }

    private static final class Entry {
        final long hour;
        final SerializedString metadata;

        Entry(long hour, SerializedString metadata) {
            this.hour = hour;
            this.metadata = metadata;
        }
    }
}
