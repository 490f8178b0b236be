package io.roxxane.agent.sink.firehose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM running a host class from the test classes with the built {@code roxxane.jar}
 * attached, as a user would run it: the real agent with its production timings. Its stderr goes
 * to a file; no AWS setting of the test's own environment leaks in, and the instance metadata
 * service is off.
 */
final class AgentChild {
    private static final Pattern TAKEN = Pattern.compile("\\[roxxane\\] debug: sample (\\d+) taken");

    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final String agentArgs;
    private final File stderr;
    private Class<?> host = ChildHost.class;
    private final List<String> hostArgs = new ArrayList<>();

    AgentChild(String agentArgs, File stderr) {
        this.agentArgs = agentArgs;
        this.stderr = stderr;
        environment.put("AWS_ACCESS_KEY_ID", FirehoseTestSupport.ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", FirehoseTestSupport.SECRET_KEY);
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
    }

    /** {@link ChildHost}: sleeps {@code millis}, then exits with {@code exitCode}. */
    AgentChild sleeping(long millis, int exitCode) {
        return running(ChildHost.class, String.valueOf(millis), String.valueOf(exitCode));
    }

    AgentChild running(Class<?> hostClass, String... args) {
        host = hostClass;
        hostArgs.clear();
        hostArgs.addAll(List.of(args));
        return this;
    }

    AgentChild jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Replaces the AWS settings (keys by default) with these. */
    AgentChild aws(Map<String, String> settings) {
        environment.keySet().removeIf(name -> name.startsWith("AWS_") && !name.equals("AWS_EC2_METADATA_DISABLED"));
        environment.putAll(settings);
        return this;
    }

    Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command()).redirectError(stderr)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        environmentInto(builder.environment());
        return builder.start();
    }

    /** The child's command line. */
    List<String> command() {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.add("-javaagent:" + agentJar() + "=" + agentArgs);
        command.addAll(List.of("-cp", hostClassPath(), host.getName()));
        command.addAll(hostArgs);
        return command;
    }

    /** Puts the child's environment into {@code env}: no AWS or Roxxane setting of the test's own. */
    void environmentInto(java.util.Map<String, String> env) {
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("ROXXANE_"));
        env.putAll(environment);
    }

    String log() throws IOException {
        return Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
    }

    /** The seqs of the samples the agent took, from its debug lines ({@code -Droxxane.debug=true}). */
    List<Long> takenSeqs() throws IOException {
        List<Long> seqs = new ArrayList<>();
        Matcher m = TAKEN.matcher(log());
        while (m.find()) {
            seqs.add(Long.parseLong(m.group(1)));
        }
        return seqs;
    }

    /** The agent instance's id, from its start line. */
    String instanceId() throws IOException {
        Matcher m = Pattern.compile("\\[roxxane\\] started .*instance=([0-9a-f-]{36})").matcher(log());
        if (!m.find()) {
            throw new AssertionError("no start line with the instance id:\n" + log());
        }
        return m.group(1);
    }

    static File agentJar() {
        String path = System.getProperty("test.roxxane.jar");
        assertTrue(path != null && new File(path).isFile(), "test.roxxane.jar not built: " + path
                + " (run through failsafe after package)");
        return new File(path);
    }

    /** Only the test classes: the host must not see the agent's classes except through the jar. */
    static String hostClassPath() {
        try {
            return new File(ChildHost.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
