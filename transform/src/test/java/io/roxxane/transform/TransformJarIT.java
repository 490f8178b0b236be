package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The built deployment jar (integration-test phase): what it holds, and that it runs on its own. */
class TransformJarIT {
    private static final Path JAR = Path.of("target", "transform.jar");

    @Test
    void transformJar_whenBuilt_holdsTheHandlerAndItsDependenciesButNoDatabindOrSdk() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first: " + JAR.toAbsolutePath());
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = new ArrayList<>();
            Collections.list(jar.entries()).forEach(entry -> names.add(entry.getName()));
            assertTrue(names.contains("io/roxxane/transform/FirehoseTransformHandler.class"));
            assertTrue(names.contains("io/roxxane/schema/PartitionRule.class"));
            assertTrue(names.contains("com/fasterxml/jackson/core/JsonFactory.class"));
            assertTrue(names.contains("com/amazonaws/services/lambda/runtime/RequestStreamHandler.class"));
            assertFalse(names.stream().anyMatch(n -> n.startsWith("com/fasterxml/jackson/databind/")), "no databind");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("software/amazon/")), "no AWS SDK");
            assertFalse(names.stream().anyMatch(n -> n.startsWith("io/roxxane/agent/")), "no agent");
            assertEquals("true", jar.getManifest().getMainAttributes().getValue("Multi-Release"));
        }
    }

    @Test
    void transformJar_whenLoadedAlone_transformsTheRecordedEvent() throws Exception {
        byte[] event = TestEvents.resource("events/firehose-event-3-samples.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> handlerType = Class.forName("io.roxxane.transform.FirehoseTransformHandler", true, loader);
            assertEquals(loader, handlerType.getClassLoader(), "loaded from the jar, not the test class path");
            Object handler = handlerType.getConstructor().newInstance();
            Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            Method handle = handlerType.getMethod("handleRequest", InputStream.class, OutputStream.class, context);
            handle.invoke(handler, new ByteArrayInputStream(event), out, null);
        }
        assertNotNull(out.toByteArray());
        ResponseContract.check(event, out.toByteArray());
    }
}
