package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the host can load from the built roxxane.jar: with {@code -javaagent} (or attach) the jar
 * joins the host's system class path, so everything outside {@code inst/} is the host's business.
 */
class JarContentsIT {
    private static final String BOOTSTRAP = "io/roxxane/agent/bootstrap/";
    /** One class of each library the agent carries, which the host must not be able to load. */
    private static final List<String> HIDDEN_CLASSES = List.of(
            "io.roxxane.agent.AgentMain",
            "io.roxxane.agent.cli.RoxxaneCli",
            "io.roxxane.schema.Column",
            "oshi.nativefree.SystemInfo",
            "com.fasterxml.jackson.core.JsonFactory",
            "org.slf4j.LoggerFactory",
            "org.slf4j.helpers.NOPLoggerFactory",
            "software.amazon.awssdk.core.SdkBytes",
            "software.amazon.awssdk.services.firehose.FirehoseClient",
            "picocli.CommandLine",
            "net.bytebuddy.agent.ByteBuddyAgent");

    @Test
    void rootEntries_whenJarBuilt_onlyManifestAndBootstrapPackage() throws IOException {
        List<String> visible = new ArrayList<>();
        try (JarFile jar = new JarFile(Hosts.agentJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("inst/")) {
                    continue;
                }
                boolean allowed = name.equals("META-INF/") || name.equals("META-INF/MANIFEST.MF")
                        || name.equals("io/") || name.equals("io/roxxane/") || name.equals("io/roxxane/agent/")
                        || name.equals(BOOTSTRAP)
                        || (name.startsWith(BOOTSTRAP) && name.endsWith(".class") && name.indexOf('/', BOOTSTRAP.length()) < 0);
                if (!allowed) {
                    visible.add(name);
                }
            }
        }
        assertEquals(List.of(), visible, "entries outside inst/ that the host's class path would see");
    }

    @Test
    void instEntries_whenJarBuilt_holdNoClassFilesButTheLibrariesAsClassdata() throws IOException {
        try (JarFile jar = new JarFile(Hosts.agentJar().toFile())) {
            List<String> classFiles = jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("inst/") && n.endsWith(".class")).collect(Collectors.toList());
            assertEquals(List.of(), classFiles, "class files under inst/ (must be .classdata)");
            for (String className : HIDDEN_CLASSES) {
                String entry = "inst/" + className.replace('.', '/') + ".classdata";
                assertNotNull(jar.getJarEntry(entry), "the agent needs " + entry + " in the jar");
            }
            assertNotNull(jar.getJarEntry("inst/io/roxxane/agent/identity/version.properties"),
                    "the build's version beside AgentVersion, which reads it (without it samples say agent_version unknown)");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("inst/com/sun/jna/")),
                    "JNA is in the jar: the agent must use OSHI's native-free implementation");
        }
    }

    @Test
    void manifest_whenJarBuilt_namesTheBootstrapAndAddsNothingToTheHostClassPath() throws IOException {
        try (JarFile jar = new JarFile(Hosts.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            String bootstrap = "io.roxxane.agent.bootstrap.RoxxaneAgent";
            assertEquals(bootstrap, main.getValue("Premain-Class"));
            assertEquals(bootstrap, main.getValue("Agent-Class"));
            assertEquals(bootstrap, main.getValue("Main-Class"));
            assertNull(main.getValue("Class-Path"), "Class-Path would add jars to the host's class path");
            assertNull(main.getValue("Boot-Class-Path"), "Boot-Class-Path would add jars to the boot class path");
            assertNull(main.getValue("Launcher-Agent-Class"));
        }
    }

    @Test
    void loadClass_whenHostClassPathHasTheJar_findsOnlyTheBootstrap() throws Exception {
        URL[] urls = {Hosts.agentJar().toUri().toURL()};
        try (URLClassLoader host = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            assertEquals(host, host.loadClass("io.roxxane.agent.bootstrap.RoxxaneAgent").getClassLoader());
            for (String className : HIDDEN_CLASSES) {
                assertThrows(ClassNotFoundException.class, () -> host.loadClass(className), className);
            }
            assertNull(host.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"),
                    "the host's SLF4J 2 would find the agent's provider");
            assertNull(host.getResource("org/slf4j/impl/StaticLoggerBinder.class"),
                    "the host's SLF4J 1.7 would find the agent's binding");
        }
    }
}
