package io.roxxane.provisioner.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.provisioner.engine.GraphRunner;
import io.roxxane.provisioner.engine.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackResourcesTest {
    @TempDir
    Path directory;

    private List<String> order() {
        return GraphRunner.order(StackResources.of(TestStacks.context(directory))).stream().map(Resource::key).toList();
    }

    @Test
    void of_whenBuilt_holdsEveryResourceOnce() {
        Set<String> keys = StackResources.of(TestStacks.context(directory)).stream().map(Resource::key).collect(Collectors.toSet());

        assertEquals(Set.of("bucket", "log-group", "glue-database", "glue-table", "transform-role", "registrar-role",
                "firehose-role", "transform-function", "registrar-function", "registrar-permission", "bucket-notification",
                "delivery-stream"), keys);
    }

    @Test
    void order_whenSorted_putsEveryResourceAfterWhatItNeeds() {
        List<String> order = order();

        assertTrue(order.indexOf("glue-database") < order.indexOf("glue-table"));
        assertTrue(order.indexOf("transform-role") < order.indexOf("transform-function"));
        assertTrue(order.indexOf("registrar-function") < order.indexOf("registrar-permission"));
        assertTrue(order.indexOf("registrar-permission") < order.indexOf("bucket-notification"));
        for (String prerequisite : List.of("bucket", "firehose-role", "transform-function", "glue-table", "log-group")) {
            assertTrue(order.indexOf(prerequisite) < order.indexOf("delivery-stream"), prerequisite + " in " + order);
        }
    }

    @Test
    void of_whenLambdaJarsMissingAsForDestroy_buildsTheGraphAnyway() {
        var settings = new io.roxxane.provisioner.config.SettingsResolver(java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(), new io.roxxane.provisioner.config.JarLocator(directory, directory)).resolve(false);
        var layout = StackLayout.of(settings, new io.roxxane.provisioner.aws.StackIdentity("123456789012", "aws", "eu-west-1"));

        List<Resource<?>> resources = StackResources.of(new io.roxxane.provisioner.resources.StackContext(layout, null, null));

        assertEquals(12, resources.size());
    }

    @Test
    void layout_whenDerived_givesFirehoseTheExactPrefixesAndTheAgentItsLine() {
        StackLayout layout = TestStacks.context(directory).layout();

        assertEquals("metrics/service=!{partitionKeyFromLambda:service}/year=!{partitionKeyFromLambda:year}"
                + "/month=!{partitionKeyFromLambda:month}/day=!{partitionKeyFromLambda:day}/hour=!{partitionKeyFromLambda:hour}/",
                layout.firehosePrefix());
        assertEquals("errors/!{firehose:error-output-type}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}"
                + "/hour=!{timestamp:HH}/", layout.firehoseErrorPrefix());
        assertEquals("s3://shop-data-123456789012-eu-west-1/metrics/", layout.dataLocation());
        assertEquals("-javaagent:roxxane.jar=stream=shop-metrics,region=eu-west-1", layout.agentArgument());
    }
}
