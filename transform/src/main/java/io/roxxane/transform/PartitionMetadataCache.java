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

    private final Map<String, Entry> byService = new HashMap<>();
    private Entry noService;

    /**
     * The raw {@code metadata} JSON for a sample.
     *
     * @param service the sample's service as sent, or null when it has none
     * @throws IllegalArgumentException if {@code tsMillis} is outside the partition rule's range
     */
    SerializedString metadataFor(String service, long tsMillis) {
        long hour = Math.floorDiv(tsMillis, MS_PER_HOUR);
        Entry entry = service == null ? noService : byService.get(service);
        if (entry == null || entry.hour != hour) {
            entry = new Entry(hour, toJson(PartitionRule.keysFor(service, tsMillis)));
            if (service == null) {
                noService = entry;
            } else {
                if (byService.size() >= MAX_ENTRIES) {
                    byService.clear();
                }
                byService.put(service, entry);
            }
        }
        return entry.metadata;
    }

    /**
     * {@code {"partitionKeys":{…}}} with the keys of {@link PartitionRule#KEYS}, in that order. The
     * values are safe path segments (ServiceNames, digits): no JSON escaping is needed.
     */
    static SerializedString toJson(PartitionKeys keys) {
        String[] values = {keys.service(), keys.year(), keys.month(), keys.day(), keys.hour()}; // KEYS' order
        StringBuilder json = new StringBuilder(128).append("{\"partitionKeys\":{");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(PartitionRule.KEYS.get(i)).append("\":\"").append(values[i]).append('"');
        }
        return new SerializedString(json.append("}}").toString());
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
