package io.roxxane.agent.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.identity.context.ContextDetection;
import io.roxxane.agent.identity.context.ContextEnvironment;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service name's precedence and the context columns in every sample. */
class IdentityContextTest {
    @TempDir
    Path root;

    private ContextDetection detect(Map<String, String> env) throws InterruptedException {
        ContextDetection detection = ContextDetection.start(
                new ContextEnvironment(env, root, "http://127.0.0.1:9", "http://127.0.0.1:9", 1_000));
        assertTrue(detection.awaitFinished(5, TimeUnit.SECONDS));
        return detection;
    }

    private static String service(String configured, ContextDetection context) {
        return Identity.ofThisJvm(configured, Map.of(), 1_000, context).service();
    }

    @Test
    void service_settingThenOtelServiceNameThenServiceNameAttributeThenDerived() throws Exception {
        Map<String, String> both = Map.of("OTEL_SERVICE_NAME", "otel-name", "OTEL_RESOURCE_ATTRIBUTES",
                "service.name=attribute-name");
        assertEquals("configured", service("configured", detect(both)));
        assertEquals("otel-name", service(null, detect(both)));
        assertEquals("attribute-name", service(null, detect(Map.of("OTEL_RESOURCE_ATTRIBUTES",
                "service.name=attribute-name"))));
        assertEquals(Identity.deriveService(System.getProperty("sun.java.command")),
                service(null, detect(Map.of())));
        assertEquals(Identity.deriveService(System.getProperty("sun.java.command")),
                service(null, ContextDetection.off()), "context=off reads no OTEL_* variable");
    }

    @Test
    void writeTo_carriesTheContextColumns() throws Exception {
        Identity identity = Identity.ofThisJvm(null, Map.of(), 1_000, detect(Map.of("OTEL_RESOURCE_ATTRIBUTES",
                "k8s.namespace.name=payments,k8s.pod.name=checkout-1,deployment.environment=prod")));
        Sample sample = new Sample();
        identity.writeTo(sample);
        assertEquals("payments", sample.get(Column.K8S_NAMESPACE_NAME));
        assertEquals("checkout-1", sample.get(Column.K8S_POD_NAME));
        assertEquals(Map.of("deployment.environment", "prod"), sample.get(Column.RESOURCE_ATTRIBUTES));
        assertFalse(sample.has(Column.CLOUD_PROVIDER));

        Sample without = new Sample();
        Identity.ofThisJvm("x", Map.of(), 1_000).writeTo(without);
        assertFalse(without.has(Column.K8S_NAMESPACE_NAME) || without.has(Column.RESOURCE_ATTRIBUTES));
    }
}
