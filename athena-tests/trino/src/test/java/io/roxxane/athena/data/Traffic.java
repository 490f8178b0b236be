package io.roxxane.athena.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roxxane.athena.firehose.DeliveryRequest.Flush;
import io.roxxane.athena.glue.GlueTable.GlueColumn;
import io.roxxane.athena.glue.TableHistory;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything the producers sent, and how Firehose buffered it: records are delivered in flushes
 * of {@link #FLUSH_MILLIS} of arrival time (one S3 object per partition and flush), in arrival
 * order, each flush at the end of its window, converted with the table version of that moment.
 */
public final class Traffic {
    /** Firehose's buffering interval here: 15 minutes of arrivals per flush. */
    public static final long FLUSH_MILLIS = 15 * 60_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Send> sends;
    private final TableHistory table;

    public Traffic(List<Send> sends, TableHistory table) {
        this.sends = sends.stream().sorted(Comparator.comparingLong(Send::arrivalMillis)).toList();
        this.table = table;
    }

    public List<Send> sends() {
        return sends;
    }

    /** When the flush holding a record that arrived at {@code arrivalMillis} is delivered. */
    public static long deliveredAt(long arrivalMillis) {
        return (Math.floorDiv(arrivalMillis, FLUSH_MILLIS) + 1) * FLUSH_MILLIS;
    }

    /** The records grouped in buffer flushes, oldest first, each with the table version it is converted with. */
    public List<Flush> flushes() {
        TreeMap<Long, List<Send>> byDelivery = new TreeMap<>();
        for (Send send : sends) {
            byDelivery.computeIfAbsent(deliveredAt(send.arrivalMillis()), w -> new ArrayList<>()).add(send);
        }
        List<Flush> flushes = new ArrayList<>();
        byDelivery.forEach((deliveredAt, window) -> {
            List<String> records = new ArrayList<>();
            List<Long> arrivals = new ArrayList<>();
            for (Send send : window) {
                records.add(send.text() != null ? send.text() : text(send.samples()));
                arrivals.add(send.arrivalMillis());
            }
            flushes.add(new Flush(table.versionAt(deliveredAt), records, arrivals));
        });
        return flushes;
    }

    /**
     * What the table must hold: one row per sample sent (re-sent copies included), as the
     * transform stores it and the table version of its flush converts it.
     */
    public List<StoredRow> stored() {
        Map<String, Set<String>> columns = Map.of(TableHistory.BEFORE, names(TableHistory.BEFORE),
                TableHistory.AFTER, names(TableHistory.AFTER));
        List<StoredRow> rows = new ArrayList<>();
        for (Send send : sends) {
            Set<String> converted = columns.get(table.versionAt(deliveredAt(send.arrivalMillis())));
            for (Map<String, Object> sample : send.samples()) {
                rows.add(StoredRow.of(sample, send.arrivalMillis(), converted));
            }
        }
        return rows;
    }

    private Set<String> names(String versionId) {
        return table.version(versionId).columns().stream().map(GlueColumn::name).collect(Collectors.toSet());
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
