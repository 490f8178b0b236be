package io.roxxane.provisioner.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roxxane.provisioner.aws.StackIdentity;
import io.roxxane.provisioner.config.JarLocator;
import io.roxxane.provisioner.config.Setting;
import io.roxxane.provisioner.config.SettingsResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -javaagent line apply prints: the agent must reach the same endpoint the provisioner was pointed at. */
class AgentArgumentTest {
    @TempDir
    Path directory;

    private String agentArgument(Map<Setting, String> flags, Map<String, String> environment) throws IOException {
        Path jar = Files.write(directory.resolve("x.jar"), new byte[] {'P', 'K', 3, 4});
        Map<String, String> env = new HashMap<>(environment);
        env.put("TRANSFORM_JAR", jar.toString());
        env.put("REGISTRAR_JAR", jar.toString());
        var settings = new SettingsResolver(flags, env, Map.of(), new JarLocator(directory, directory)).resolve(true);
        return StackLayout.of(settings, new StackIdentity("123456789012", "aws", "us-east-1")).agentArgument();
    }

    @Test
    void agentArgument_whenNoEndpoint_namesStreamAndRegion() throws IOException {
        assertEquals("-javaagent:roxxane.jar=stream=shop-metrics,region=us-east-1",
                agentArgument(Map.of(Setting.STACK_NAME, "shop"), Map.of()));
    }

    @Test
    void agentArgument_whenEndpointUrlGiven_appendsIt() throws IOException {
        assertEquals("-javaagent:roxxane.jar=stream=shop-metrics,region=us-east-1,endpoint=http://127.0.0.1:5000",
                agentArgument(Map.of(Setting.STACK_NAME, "shop", Setting.ENDPOINT_URL, "http://127.0.0.1:5000"), Map.of()));
        assertEquals("-javaagent:roxxane.jar=stream=shop-metrics,region=us-east-1,endpoint=http://localhost:4566",
                agentArgument(Map.of(Setting.STACK_NAME, "shop"), Map.of("ROXXANE_ENDPOINT_URL", "http://localhost:4566")));
    }

    @Test
    void agentArgument_whenEndpointOnlyFromTheSdksAwsEndpointUrl_leavesItToTheAgentsSdk() throws IOException {
        assertEquals("-javaagent:roxxane.jar=stream=shop-metrics,region=us-east-1",
                agentArgument(Map.of(Setting.STACK_NAME, "shop"), Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")));
    }
}
