package io.roxxane.transform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

/**
 * Realistic transformation events for benchmarks: the all-columns fixture sample, varied per
 * record (five services, one instance each, samples 10 s apart, gauges and deltas jittered), in
 * the recorded Firehose envelope. Run as a main to write one to a file for the cold-start run.
 */
public final class BenchEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] SERVICES = {"checkout", "orders-api", "payments", "search", "Inventory Service"};

    private BenchEvents() {
    }

    /** An event of {@code records} samples; deterministic for a seed. */
    public static byte[] event(int records, long seed) throws IOException {
        Random random = new Random(seed);
        ObjectNode template = (ObjectNode) MAPPER.readTree(resource("samples/sample-all-columns.json"));
        ObjectNode event = (ObjectNode) MAPPER.readTree(resource("events/firehose-event-3-samples.json"));
        ArrayNode array = event.putArray("records");
        long arrival = 1_763_900_031_512L;
        for (int i = 0; i < records; i++) {
            ObjectNode sample = template.deepCopy();
            int instance = i % SERVICES.length;
            sample.put("service", SERVICES[instance]);
            sample.put("pid", 4000 + instance);
            sample.put("instance_id", new BigInteger(128, new Random(instance)).toString(16));
            sample.put("seq", 17 + i / SERVICES.length);
            sample.put("ts", arrival - 30_000 + 10_000L * (i / SERVICES.length) % 300_000);
            sample.put("host_cpu_utilization", Math.round(random.nextDouble() * 1000) / 1000.0);
            sample.put("process_cpu_utilization", Math.round(random.nextDouble() * 1000) / 1000.0);
            sample.put("jvm_heap_used_bytes", 100_000_000L + random.nextInt(400_000_000));
            sample.put("host_net_rx_bytes", random.nextInt(50_000_000));
            sample.put("host_net_tx_bytes", random.nextInt(50_000_000));
            sample.put("jvm_allocated_bytes", random.nextInt(1_000_000_000));
            sample.put("jvm_gc_young_count", random.nextInt(10));
            sample.put("agent_collect_us", 500 + random.nextInt(3000));
            byte[] line = (MAPPER.writeValueAsString(sample) + "\n").getBytes(StandardCharsets.UTF_8);
            ObjectNode record = array.addObject();
            record.put("recordId", new BigInteger(185, random).toString());
            record.put("approximateArrivalTimestamp", arrival + i / 100);
            record.put("data", Base64.getEncoder().encodeToString(line));
        }
        return MAPPER.writeValueAsBytes(event);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BenchEvents.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("no resource " + name);
            }
            return in.readAllBytes();
        }
    }

    /** Writes {@code event(records, 1)} to a file: {@code BenchEvents <file> [records]}. */
    public static void main(String[] args) throws IOException {
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Files.write(Path.of(args[0]), event(records, 1));
    }
}
