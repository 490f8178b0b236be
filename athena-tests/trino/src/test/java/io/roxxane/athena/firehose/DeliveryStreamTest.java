package io.roxxane.athena.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.athena.Repo;
import io.roxxane.athena.glue.CatalogTemplate;
import io.roxxane.schema.PartitionRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stream the converter runs is the provisioner's own desired stream: Hive's JSON SerDe without
 * options, Snappy Parquet, objects under the catalog template's table location by the partition
 * keys, errors under their own prefix.
 */
class DeliveryStreamTest {
    private final DeliveryStream stream = DeliveryStream.asProvisioned();

    @Test
    void deserializer_isTheProvisionersHiveJsonSerDe_withoutOptions() {
        assertEquals("HiveJsonSerDe", stream.deserializer());
        assertEquals(Map.of(), stream.deserializerOptions());
        assertEquals("SNAPPY", stream.compression());
        assertEquals("roxxane-metrics", stream.name());
    }

    @Test
    void prefix_isTheTemplatesTableLocation_thenThePartitionKeys() {
        CatalogTemplate template = new CatalogTemplate(Repo.catalogTemplate(), Map.of());
        StringBuilder keys = new StringBuilder();
        PartitionRule.KEYS.forEach(k -> keys.append(k).append("=!{partitionKeyFromLambda:").append(k).append("}/"));

        assertEquals(template.parameter("DataPrefix") + keys, stream.prefix());
        assertTrue(stream.errorOutputPrefix().startsWith("errors/!{firehose:error-output-type}/"), stream.errorOutputPrefix());
    }
}
