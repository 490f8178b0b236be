package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the built {@code partition-registrar.jar} holds, and what it must not. Needs no emulator. */
class PartitionRegistrarJarContentsIT {
    static final Path JAR = Path.of("target", "partition-registrar.jar");

    @Test
    void jar_whenOpened_holdsHandlerAndOneHttpClientButNoDatabindNettyOrApache() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is missing: run mvn package first");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertNotNull(jar.getEntry("io/roxxane/registrar/PartitionRegistrarHandler.class"));
            assertNotNull(jar.getEntry("io/roxxane/schema/PartitionRule.class"));
            assertNotNull(jar.getEntry("com/amazonaws/services/lambda/runtime/RequestStreamHandler.class"));
            assertNotNull(jar.getEntry("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class"));
            assertNotNull(jar.getEntry("com/fasterxml/jackson/core/JsonParser.class"));
            List<String> forbidden = jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("com/fasterxml/jackson/databind/") || n.startsWith("io/netty/")
                            || n.startsWith("org/apache/http/") || n.startsWith("org/apache/hc/")
                            || n.startsWith("software/amazon/awssdk/http/nio/netty/")
                            || n.startsWith("software/amazon/awssdk/http/apache")
                            || n.startsWith("io/roxxane/testsupport/") || n.startsWith("org/junit/"))
                    .limit(5)
                    .collect(Collectors.toList());
            assertEquals(List.of(), forbidden);
        }
        System.out.println("partition-registrar.jar size: " + Files.size(JAR) + " bytes");
    }
}
