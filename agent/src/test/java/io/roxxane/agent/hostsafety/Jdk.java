package io.roxxane.agent.hostsafety;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** A Java installation the child JVMs run on: the build's JDK 17 and Temurin 25. */
final class Jdk {
    static final String JDK25_DEFAULT = "/usr/lib/jvm/temurin-25-jdk-amd64";

    private final String label;
    private final Path home;

    private Jdk(String label, Path home) {
        this.label = label;
        this.home = home;
    }

    /** JDK 17 (the JDK running the tests) and Temurin 25 ({@code JDK25_HOME} or the default path). */
    static List<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(new Jdk("jdk17", Paths.get(System.getProperty("java.home"))));
        String jdk25 = System.getenv("JDK25_HOME");
        jdks.add(new Jdk("jdk25", Paths.get(jdk25 != null && !jdk25.isEmpty() ? jdk25 : JDK25_DEFAULT)));
        return jdks;
    }

    /** The {@code java} launcher; under CI=true a missing JDK fails the test, elsewhere it is skipped. */
    Path java() {
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            String reason = label + " not found at " + home + " (set JDK25_HOME)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + ": the host-safety tests must run on it under CI=true");
            }
            Assumptions.abort(reason);
        }
        return java;
    }

    @Override
    public String toString() {
        return label;
    }
}
