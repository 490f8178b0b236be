package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.identity.Identity;
import io.roxxane.agent.sample.EncodedSample;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.SampleEncoder;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import io.roxxane.schema.ColumnType;
import io.roxxane.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Billed Firehose ingestion bytes per sample: the shipper's real {@link RecordPacker} over
 * realistic samples (every agent column filled with values of realistic magnitude, encoded by
 * the agent's {@link SampleEncoder}), against one record per sample. Prints the Markdown table
 * of {@code docs/BENCHMARKS.md ("Firehose ingestion cost")}.
 *
 * <pre>
 * ./mvnw -B -q -o -pl agent test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.roxxane.agent.sink.firehose.FirehoseCostReport
 * </pre>
 */
public final class FirehoseCostReport {
    static final int INCREMENT = Schema.FIREHOSE_BILLING_INCREMENT_BYTES;
    private static final long HOUR_MS = 3_600_000;

    /** Where the simulated samples come from. */
    enum Source {
        /**
         * A schema-2 sample the agent wrote on this machine under bench/agents/Workload.java (the
         * 151st of bench/pipeline/run.sh's recording; test resource firehose/sample-line.json).
         */
        RECORDED,
        /** Every column filled with values of realistic magnitude: the largest sample the agent writes. */
        ALL_COLUMNS
    }

    /** One simulated hour at one interval and flush. */
    record Row(long intervalMs, long flushMs, int samples, double meanSampleBytes, long records,
            long billedAggregated, long billedPerSample) {
        double perSampleAggregated() {
            return (double) billedAggregated / samples;
        }

        double perSampleUnaggregated() {
            return (double) billedPerSample / samples;
        }

        double ratio() {
            return (double) billedPerSample / billedAggregated;
        }
    }

    public static void main(String[] args) {
        System.out.print(report());
    }

    static String report() {
        return table(Source.RECORDED) + "\n" + table(Source.ALL_COLUMNS);
    }

    static String table(Source source) {
        StringBuilder out = new StringBuilder("Samples: " + source + "\n\n");
        out.append("| interval | flush | samples/h | mean sample | records/h aggregated | billed B/sample aggregated"
                + " | billed B/sample one record each | saving |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (long[] setting : new long[][] {{1_000, 60_000}, {10_000, 60_000}, {60_000, 60_000}, {60_000, 300_000}}) {
            Row row = simulateHour(source, setting[0], setting[1], 42);
            out.append(String.format(Locale.ROOT, "| %d s | %d s | %d | %.0f B | %d | %.0f | %.0f | %.1fx |%n",
                    row.intervalMs() / 1_000, row.flushMs() / 1_000, row.samples(), row.meanSampleBytes(),
                    row.records(), row.perSampleAggregated(), row.perSampleUnaggregated(), row.ratio()));
        }
        return out.toString();
    }

    /** One hour of samples at {@code intervalMs}, flushed every {@code flushMs}, through the real packer. */
    static Row simulateHour(Source source, long intervalMs, long flushMs, long seed) {
        Random random = new Random(seed);
        Identity identity = new Identity("checkout-service", "ip-10-0-12-34.eu-west-1.compute.internal", 48_213,
                UUID.nameUUIDFromBytes(new byte[] {1}).toString(), "17.0.12+7-LTS", tags(), intervalMs);
        SampleEncoder encoder = new SampleEncoder();
        int perFlush = (int) Math.max(1, flushMs / intervalMs);
        int samples = (int) (HOUR_MS / intervalMs);
        long billedAggregated = 0;
        long billedPerSample = 0;
        long records = 0;
        long totalBytes = 0;
        List<EncodedSample> pending = new ArrayList<>();
        for (int seq = 0; seq < samples; seq++) {
            EncodedSample sample = source == Source.RECORDED ? recordedSample(seq, intervalMs)
                    : encoder.encodeForSink(realisticSample(identity, seq, intervalMs, random));
            totalBytes += sample.size();
            billedPerSample += billed(sample.size());
            pending.add(sample);
            if (pending.size() == perFlush || seq == samples - 1) {
                for (PackedRecord record : pack(pending)) {
                    billedAggregated += billed(record.size());
                    records++;
                }
                pending.clear();
            }
        }
        return new Row(intervalMs, flushMs, samples, (double) totalBytes / samples, records, billedAggregated,
                billedPerSample);
    }

    /** Packs one flush's samples the way the sender does (16 MiB buffer: 4,000,000-byte batches). */
    static List<PackedRecord> pack(List<EncodedSample> samples) {
        List<PackedRecord> records = new ArrayList<>();
        RecordPacker packer = new RecordPacker(FirehoseLimits.MAX_BATCH_BYTES);
        for (EncodedSample sample : samples) {
            if (!packer.tryAdd(sample)) {
                records.addAll(packer.finish());
                packer.tryAdd(sample);
            }
        }
        records.addAll(packer.finish());
        return records;
    }

    static long billed(int recordBytes) {
        return (long) Math.ceil(recordBytes / (double) INCREMENT) * INCREMENT;
    }

    private static String recordedLine;

    /** The recorded sample line with this seq and its ts. */
    static EncodedSample recordedSample(long seq, long intervalMs) {
        if (recordedLine == null) {
            try (InputStream in = FirehoseCostReport.class.getResourceAsStream("/firehose/sample-line.json")) {
                recordedLine = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim() + "\n";
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("test resource firehose/sample-line.json missing", e);
            }
        }
        long ts = 1_763_900_000_000L + seq * intervalMs;
        String line = recordedLine.replaceFirst("\"seq\":\\d+", "\"seq\":" + seq)
                .replaceFirst("\"ts\":\\d+", "\"ts\":" + ts);
        return new EncodedSample(ts, seq, "checkout-service", line.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", "prod");
        tags.put("team", "payments");
        return tags;
    }

    /** Every column an agent sample carries, with values of realistic size. */
    static Sample realisticSample(Identity identity, long seq, long intervalMs, Random random) {
        Sample sample = new Sample();
        sample.set(Column.TS, 1_763_900_000_000L + seq * intervalMs).set(Column.SEQ, seq);
        identity.writeTo(sample);
        for (Column column : Column.values()) {
            if (sample.get(column) != null || column == Column.ARRIVAL_TS || column.type() == ColumnType.STRING
                    || column.type() == ColumnType.STRING_MAP) {
                continue;
            }
            if (column.type().kind() == ColumnType.Kind.MAP) {
                Map<String, Object> entries = new LinkedHashMap<>();
                for (String key : KEYS.getOrDefault(column, List.of("x"))) {
                    entries.put(key, struct(column.type().valueType(), random));
                }
                sample.set(column, entries);
                continue;
            }
            String unit = column.unit();
            if (column.type() == ColumnType.DOUBLE) {
                double scale = unit.equals("ratio") ? 1 : unit.equals("cores") ? 8 : 4;
                sample.set(column, random.nextDouble() * scale);
            } else if (column.type() == ColumnType.INT) {
                sample.set(column, (long) random.nextInt(column.columnName().contains("threads") ? 300 : 8));
            } else {
                long scale = unit.equals("bytes") ? 8_000_000_000L : unit.equals("ms") ? 50_000_000L
                        : unit.equals("us") ? 20_000 : unit.equals("s") ? 5_000_000 : 200_000;
                sample.set(column, (long) (random.nextDouble() * scale));
            }
        }
        return sample;
    }

    /** The keys a G1 JVM on a small cloud host gives the map columns. */
    private static final Map<Column, List<String>> KEYS = Map.of(
            Column.JVM_MEMORY_POOLS, List.of("CodeHeap 'non-nmethods'", "Metaspace", "CodeHeap 'profiled nmethods'",
                    "Compressed Class Space", "G1 Eden Space", "G1 Old Gen", "G1 Survivor Space",
                    "CodeHeap 'non-profiled nmethods'"),
            Column.JVM_GC_PAUSES, List.of("G1 Young Generation", "G1 Old Generation"),
            Column.JVM_GC_CONCURRENT, List.of("G1 Concurrent GC"),
            Column.HOST_NETWORK_INTERFACES, List.of("eth0"),
            Column.HOST_DISKS, List.of("nvme0n1"),
            Column.HOST_FILE_SYSTEMS, List.of("/", "/boot/efi"),
            Column.APP_METRICS, List.of("tomcat.thread.busy.count{name=http-nio-8080}",
                    "tomcat.thread.limit{name=http-nio-8080}", "tomcat.request.count{name=http-nio-8080}"));

    private static Struct struct(ColumnType type, Random random) {
        Struct struct = new Struct(type);
        type.fields().forEach((field, fieldType) -> {
            switch (fieldType.kind()) {
                case BOOLEAN:
                    struct.set(field, random.nextBoolean());
                    break;
                case STRING:
                    struct.set(field, field.equals("type") ? "ext4" : "/dev/nvme0n1p1");
                    break;
                case DOUBLE:
                    struct.set(field, random.nextDouble());
                    break;
                case MAP:
                    struct.set(field, Map.of("name", "http-nio-8080"));
                    break;
                default:
                    struct.set(field, (long) (random.nextDouble() * (field.endsWith("_bytes") ? 8_000_000_000L : 200_000)));
            }
        });
        return struct;
    }

    private FirehoseCostReport() {
    }
}
