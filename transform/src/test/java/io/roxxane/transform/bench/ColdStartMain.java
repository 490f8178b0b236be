package io.roxxane.transform.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cold start in a fresh JVM: load and construct the handler by name, as the Lambda runtime does,
 * then process one event. Touches nothing but the JDK and the handler, so that no class the
 * handler needs is loaded early. Prints one line of {@code key=value} figures (milliseconds, response
 * bytes). Usage: {@code ColdStartMain <event.json>}; {@code bench/transform/cold-start.sh} runs it.
 */
public final class ColdStartMain {
    private ColdStartMain() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream(event.length + (event.length >> 2));

        long start = System.nanoTime();
        Class<?> type = Class.forName("io.roxxane.transform.FirehoseTransformHandler");
        RequestStreamHandler handler = (RequestStreamHandler) type.getConstructor().newInstance();
        long constructed = System.nanoTime();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        long firstEvent = System.nanoTime();
        out.reset();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        long secondEvent = System.nanoTime();

        long jvmStartToDone = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("load_construct_ms=%.1f first_event_ms=%.1f second_event_ms=%.1f"
                + " jvm_start_to_first_event_done_ms=%d response_bytes=%d%n",
                (constructed - start) / 1e6, (firstEvent - constructed) / 1e6, (secondEvent - firstEvent) / 1e6,
                jvmStartToDone - (secondEvent - firstEvent) / 1_000_000, out.size());
    }
}
