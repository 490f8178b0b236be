import java.util.ArrayList;
import java.util.List;

/**
 * A small stand-in service for render.sh: allocates short-lived garbage at a steady rate and keeps
 * a retained set that grows by RETAIN_KB every second up to CAP_MB, then drops half of it (a
 * cache that is trimmed). Run with the agent attached:
 * {@code java -javaagent:roxxane.jar=... Workload.java SECONDS GARBAGE_MB_PER_S RETAIN_KB_PER_S CAP_MB}.
 */
public class Workload {
    public static void main(String[] args) throws InterruptedException {
        int seconds = Integer.parseInt(args[0]);
        int garbageMbPerSecond = Integer.parseInt(args[1]);
        int retainKbPerSecond = Integer.parseInt(args[2]);
        int capMb = Integer.parseInt(args[3]);
        List<byte[]> retained = new ArrayList<>();
        long retainedBytes = 0;
        long sink = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long secondStart = System.nanoTime();
            for (int i = 0; i < garbageMbPerSecond * 16; i++) {
                byte[] garbage = new byte[64 * 1024];
                garbage[i % garbage.length] = (byte) i;
                sink += garbage[(i * 7) % garbage.length];
            }
            for (int kb = 0; kb < retainKbPerSecond; kb += 64) {
                retained.add(new byte[64 * 1024]);
                retainedBytes += 64 * 1024;
            }
            if (retainedBytes > capMb * 1024L * 1024L) {
                retained.subList(0, retained.size() / 2).clear();
                retainedBytes /= 2;
            }
            long elapsedMs = (System.nanoTime() - secondStart) / 1_000_000;
            if (elapsedMs < 1000) {
                Thread.sleep(1000 - elapsedMs);
            }
        }
        System.out.println("done " + sink + " " + retained.size());
    }
}
