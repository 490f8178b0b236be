package io.roxxane.athena.firehose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;

/**
 * Runs one emulated delivery in its own JVM (Hive's class path stays out of the test JVM):
 * {@code FirehoseMain <request.json> <bucket directory> <result.json>}. Exit status 0 when the
 * delivery ran (records may still have failed: see the result), 1 when it could not.
 */
public final class FirehoseMain {
    private FirehoseMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: FirehoseMain <request.json> <bucket directory> <result.json>");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        DeliveryRequest request = json.readValue(Path.of(args[0]).toFile(), DeliveryRequest.class);
        DeliveryResult result = new FirehoseDelivery(request, Path.of(args[1])).deliver();
        json.writeValue(Path.of(args[2]).toFile(), result);
    }
}
