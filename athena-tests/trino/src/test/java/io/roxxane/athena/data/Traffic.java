package io.roxxane.athena.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.athena.firehose.DeliveryRequest.Flush;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the producers sent, and how Firehose buffered it: records are delivered in flushes
 * of {@link #FLUSH_MILLIS} of arrival time (one S3 object per partition and flush), in arrival order.
 */
public final class Traffic {
    /** Firehose's buffering interval here: 15 minutes of arrivals per flush. */
    public static final long FLUSH_MILLIS = 15 * 60_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Send> sends;

    public Traffic(List<Send> sends) {
        this.sends = sends.stream().sorted(Comparator.comparingLong(Send::arrivalMillis)).toList();
    }

    public List<Send> sends() {
        return sends;
    }

    /** The records grouped in buffer flushes, oldest first. */
    public List<Flush> flushes() {
        TreeMap<Long, List<Send>> byWindow = new TreeMap<>();
        for (Send send : sends) {
            byWindow.computeIfAbsent(Math.floorDiv(send.arrivalMillis(), FLUSH_MILLIS), w -> new ArrayList<>()).add(send);
        }
        List<Flush> flushes = new ArrayList<>();
        for (List<Send> window : byWindow.values()) {
            List<String> records = new ArrayList<>();
            List<Long> arrivals = new ArrayList<>();
            for (Send send : window) {
                records.add(send.text() != null ? send.text() : text(send.samples()));
                arrivals.add(send.arrivalMillis());
            }
            flushes.add(new Flush(records, arrivals));
        }
        return flushes;
    }

    /** What the table must hold: one row per sample sent (re-sent copies included), as the transform stores it. */
    public List<StoredRow> stored() {
        List<StoredRow> rows = new ArrayList<>();
        for (Send send : sends) {
            for (Map<String, Object> sample : send.samples()) {
                rows.add(StoredRow.of(sample, send.arrivalMillis()));
            }
        }
        return rows;
    }

    /** The agent's wire format: one JSON object per line. */
    private static String text(List<Map<String, Object>> samples) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> sample : samples) {
            try {
                text.append(JSON.writeValueAsString(sample)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }
}
