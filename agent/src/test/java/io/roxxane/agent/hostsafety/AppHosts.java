package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The hosts of the application-MBean tests ({@code hostsafety/apps}, {@code hostsafety/slow}),
 * compiled for Java 17 (Tomcat 11 is Java 17 code) against their libraries, and their class paths:
 * the host's libraries and classes, never the agent's.
 */
final class AppHosts {
    private static final Map<String, Path> COMPILED = new HashMap<>();

    private AppHosts() {
    }

    static synchronized String classPath(String host, String libs) {
        List<String> jars = libs == null ? List.of() : jars(Hosts.hostLibs(libs));
        Path classes = COMPILED.computeIfAbsent(host, h -> compile(h, jars));
        List<String> entries = new ArrayList<>();
        entries.add(classes.toString());
        entries.addAll(jars);
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path compile(String host, List<String> classPath) {
        try {
            URL resource = AppHosts.class.getResource("/hostsafety/" + host);
            assertNotNull(resource, "host sources hostsafety/" + host + " not on the test class path");
            Path sources = Paths.get(resource.toURI());
            Path out = Files.createDirectories(Hosts.agentJar().getParent().resolve("hostsafety").resolve("app-hosts")
                    .resolve(host));
            List<String> args = new ArrayList<>(List.of("--release", "17", "-d", out.toString()));
            if (!classPath.isEmpty()) {
                args.add("-cp");
                args.add(String.join(File.pathSeparator, classPath));
            }
            try (Stream<Path> files = Files.list(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = compiler.run(null, errors, errors, args.toArray(new String[0]));
            assertEquals(0, status, "host " + host + " does not compile: " + errors);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code java -javaagent:roxxane.jar=ARGS -cp CLASSPATH main args}. */
    static List<String> command(Jdk jdk, String host, String libs, String main, String agentArgs, String... args) {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), Hosts.javaagent(agentArgs), "-cp",
                classPath(host, libs), main));
        command.addAll(List.of(args));
        return command;
    }
}
