package io.roxxane.agent.identity.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.Column;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtelResourceTest {
    @TempDir
    Path root;

    private OtelResource resource(Problems problems, String... variables) {
        Machines machine = Machines.other(root);
        for (int i = 0; i < variables.length; i += 2) {
            machine.env(variables[i], variables[i + 1]);
        }
        return OtelResource.fromEnvironment(machine.environment(), problems);
    }

    @Test
    void parse_pairs_areTrimmedInOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("deployment.environment", "prod");
        expected.put("team", "payments");
        expected.put("empty", "");
        assertEquals(expected, OtelResource.parse(" deployment.environment = prod ,team=payments,,empty=,"));
    }

    @Test
    void parse_percentEncoding_isDecodedInKeysAndValues() {
        Map<String, String> attributes = OtelResource.parse(
                "note=a%2Cb%3Dc,plus=1+1,accent=caf%C3%A9,lower=%c3%a9,odd%2Ckey=x,bad.utf8=%FF!,emoji=%F0%9F%9A%80");
        assertEquals("a,b=c", attributes.get("note"));
        assertEquals("1+1", attributes.get("plus"), "'+' is a baggage-octet, not a space");
        assertEquals("café", attributes.get("accent"));
        assertEquals("é", attributes.get("lower"));
        assertEquals("x", attributes.get("odd,key"));
        assertEquals("\uFFFD!", attributes.get("bad.utf8"), "invalid UTF-8 becomes the replacement character");
        assertEquals("\uD83D\uDE80", attributes.get("emoji"));
    }

    @Test
    void parse_aRepeatedKey_keepsTheLastValue() {
        assertEquals(Map.of("k", "2"), OtelResource.parse("k=1,k=2"));
    }

    @Test
    void parse_errors_nameTheMemberButNotTheValue() {
        assertEquals("member 2 has no '=' (expected key1=value1,key2=value2)",
                assertThrows(IllegalArgumentException.class, () -> OtelResource.parse("a=1,secret-ish")).getMessage());
        assertEquals("member 1 has an empty key",
                assertThrows(IllegalArgumentException.class, () -> OtelResource.parse("=v")).getMessage());
        assertEquals("the value of 'k' has a '%' that is not followed by two hex digits",
                assertThrows(IllegalArgumentException.class, () -> OtelResource.parse("k=50%")).getMessage());
        assertEquals("the value of 'k' has a '%' that is not followed by two hex digits",
                assertThrows(IllegalArgumentException.class, () -> OtelResource.parse("k=%G1")).getMessage());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= OtelResource.MAX_ATTRIBUTES; i++) {
            many.append("k").append(i).append("=v,");
        }
        assertThrows(IllegalArgumentException.class, () -> OtelResource.parse(many.toString()));
    }

    @Test
    void fromEnvironment_columnKeys_fillColumnsAndTheRestGoesToResourceAttributes() {
        Problems problems = new Problems();
        OtelResource otel = resource(problems, "OTEL_RESOURCE_ATTRIBUTES",
                "k8s.namespace.name=payments,k8s.pod.name=checkout-7d9f8-x2x9z,k8s.node.name=ip-10-0-1-17.ec2.internal,"
                        + "k8s.container.name=app,container.name=app-1,k8s.deployment.name=checkout,"
                        + "deployment.environment=prod%2Feu,service.name=from-attributes,cloud.region=eu-west-1,"
                        + "k8s.pod.uid=");
        assertEquals("payments", otel.columns.get(Column.K8S_NAMESPACE_NAME));
        assertEquals("checkout-7d9f8-x2x9z", otel.columns.get(Column.K8S_POD_NAME));
        assertEquals("ip-10-0-1-17.ec2.internal", otel.columns.get(Column.K8S_NODE_NAME));
        assertEquals("app", otel.columns.get(Column.K8S_CONTAINER_NAME));
        assertEquals("app-1", otel.columns.get(Column.CONTAINER_NAME));
        assertEquals("eu-west-1", otel.columns.get(Column.CLOUD_REGION));
        Map<String, String> others = new LinkedHashMap<>();
        others.put("k8s.deployment.name", "checkout");
        others.put("deployment.environment", "prod/eu");
        others.put("k8s.pod.uid", "");
        assertEquals(others, otel.others, "service.name is the service, not a resource attribute");
        assertEquals("from-attributes", otel.serviceName);
        assertTrue(problems.close().isEmpty());
    }

    @Test
    void fromEnvironment_otelServiceName_winsOverServiceNameInTheAttributes() {
        OtelResource otel = resource(new Problems(), "OTEL_SERVICE_NAME", " checkout ",
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=other");
        assertEquals("checkout", otel.serviceName);
    }

    @Test
    void fromEnvironment_aBadVariable_isDiscardedWholeWithOneProblem() {
        Problems problems = new Problems();
        OtelResource otel = resource(problems, "OTEL_SERVICE_NAME", "checkout",
                "OTEL_RESOURCE_ATTRIBUTES", "k8s.pod.name=p,deployment.environment=100%");
        assertTrue(otel.columns.isEmpty());
        assertTrue(otel.others.isEmpty());
        assertEquals("checkout", otel.serviceName, "OTEL_SERVICE_NAME is another variable");
        List<String> reported = problems.close();
        assertEquals(List.of("OTEL_RESOURCE_ATTRIBUTES ignored: the value of 'deployment.environment' has a '%'"
                + " that is not followed by two hex digits"), reported);
    }

    @Test
    void fromEnvironment_nothingSet_isEmpty() {
        Problems problems = new Problems();
        OtelResource otel = resource(problems, "OTEL_RESOURCE_ATTRIBUTES", "  ", "OTEL_SERVICE_NAME", "");
        assertNull(otel.serviceName);
        assertTrue(otel.columns.isEmpty() && otel.others.isEmpty());
        assertTrue(problems.close().isEmpty());
    }

    @Test
    void fromEnvironment_tooLongServiceName_isIgnoredWithAProblem() {
        Problems problems = new Problems();
        OtelResource otel = resource(problems, "OTEL_SERVICE_NAME", "x".repeat(257));
        assertNull(otel.serviceName);
        assertEquals(List.of("OTEL_SERVICE_NAME ignored: longer than 256 characters"), problems.close());
    }
}
