import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Stands in for moto_server in MotoServerTest: {@code java FakeMoto.java RECORD -H HOST -p PORT}
 * writes its arguments and the environment variables the launcher sets to RECORD, then answers
 * every HTTP request with 200 on HOST:PORT until it is stopped.
 */
public class FakeMoto {
    public static void main(String[] args) throws Exception {
        List<String> motoArgs = Arrays.asList(args).subList(1, args.length);
        String host = motoArgs.get(motoArgs.indexOf("-H") + 1);
        int port = Integer.parseInt(motoArgs.get(motoArgs.indexOf("-p") + 1));
        Files.writeString(Path.of(args[0]), "args=" + String.join(" ", motoArgs) + "\n"
                + "INITIAL_NO_AUTH_ACTION_COUNT=" + System.getenv("INITIAL_NO_AUTH_ACTION_COUNT") + "\n"
                + "AWS_EC2_METADATA_DISABLED=" + System.getenv("AWS_EC2_METADATA_DISABLED") + "\n",
                StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 10);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("fake moto on " + host + ":" + port);
    }
}
