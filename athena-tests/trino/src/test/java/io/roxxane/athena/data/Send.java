package io.roxxane.athena.data;

import java.util.List;
import java.util.Map;

/**
 * One PutRecordBatch record as a producer sends it: samples packed newline-delimited (the agent
 * packs several per record), and when Firehose received it.
 *
 * @param samples the samples' JSON objects, by key, in the order written
 * @param arrivalMillis the record's approximate arrival time, epoch ms
 * @param text the record's bytes as the producer wrote them, or null to write {@code samples} as JSON lines
 */
public record Send(List<Map<String, Object>> samples, long arrivalMillis, String text) {
    public Send(List<Map<String, Object>> samples, long arrivalMillis) {
        this(samples, arrivalMillis, null);
    }
}
