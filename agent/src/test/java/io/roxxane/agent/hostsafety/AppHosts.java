package io.roxxane.agent.hostsafety;

import java.util.ArrayList;
import java.util.List;

/**
 * The hosts of the application-MBean tests ({@code hostsafety/apps}, {@code hostsafety/slow}),
 * compiled for Java 17 (Tomcat 11 is Java 17 code) against their libraries, and their class paths:
 * the host's libraries and classes, never the agent's.
 */
final class AppHosts {
    private AppHosts() {
    }

    /** {@code java -javaagent:roxxane.jar=ARGS -cp CLASSPATH main args}. */
    static List<String> command(Jdk jdk, String host, String libs, String main, String agentArgs, String... args) {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), Hosts.javaagent(agentArgs), "-cp",
                Hosts.classPath("", 17, host, libs), main));
        command.addAll(List.of(args));
        return command;
    }
}
