import io.roxxane.registrar.PartitionRegistrarHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run as {@code java -cp partition-registrar.jar InvokeHandler.java event.json…}: constructs the
 * handler the way Lambda does (no-arg constructor, environment variables) and invokes it once
 * per event file, printing each JSON result and the time each step took.
 */
public class InvokeHandler {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        PartitionRegistrarHandler handler = new PartitionRegistrarHandler();
        System.out.println("TIMING init_ms=" + (System.nanoTime() - start) / 1_000_000);
        for (String file : args) {
            long t = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                handler.handleRequest(in, out, null);
            }
            System.out.println("TIMING invoke_ms=" + (System.nanoTime() - t) / 1_000_000);
            System.out.println("RESULT " + out.toString(StandardCharsets.UTF_8));
        }
    }
}
