package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.PartitionRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * How per-partition errors of BatchCreatePartition are classified. moto cannot be made to
 * return an error other than AlreadyExists, so Glue's answers are scripted here; the
 * success path runs against moto in {@link PartitionRegistrarMotoTest}.
 */
class PartitionWriterTest {
    private static final GlueTable TABLE = new GlueTable("db", "metrics", TableLocation.parse("s3://b/m/"),
            StorageDescriptor.builder().location("s3://b/m/").inputFormat("parquet-in").build());

    private static PartitionKeys hour(String service, int h) {
        return PartitionRule.parse(String.format("service=%s/year=2026/month=11/day=23/hour=%02d/", service, h));
    }

    @Test
    void create_whenSomeAlreadyExist_countsThemAsDone() {
        ScriptedGlue glue = new ScriptedGlue(TABLE.storageDescriptor());
        glue.errorByPath.put("a/2026/11/23/01", "AlreadyExistsException");

        PartitionWriter.Outcome outcome = new PartitionWriter(glue).create(TABLE, List.of(hour("a", 0), hour("a", 1)));

        assertEquals(List.of(hour("a", 0)), outcome.created());
        assertEquals(List.of(hour("a", 1)), outcome.alreadyExisted());
        PartitionInput sent = glue.requests.get(0).partitionInputList().get(0);
        assertEquals("s3://b/m/service=a/year=2026/month=11/day=23/hour=00/", sent.storageDescriptor().location());
        assertEquals("parquet-in", sent.storageDescriptor().inputFormat());
        assertEquals("db", glue.requests.get(0).databaseName());
        assertEquals("metrics", glue.requests.get(0).tableName());
    }

    @Test
    void create_whenOtherError_throwsAfterTryingEveryBatchAndReportsWhatWasDone() {
        ScriptedGlue glue = new ScriptedGlue(TABLE.storageDescriptor());
        glue.errorByPath.put("a/2026/11/23/02", "InternalServiceException");
        glue.errorByPath.put("b/2026/11/23/03", "AlreadyExistsException");
        List<PartitionKeys> partitions = new ArrayList<>();
        for (String service : List.of("a", "b", "c", "d", "e")) {
            for (int h = 0; h < 24; h++) {
                partitions.add(hour(service, h));
            }
        }

        PartitionRegistrationException e = assertThrows(PartitionRegistrationException.class,
                () -> new PartitionWriter(glue).create(TABLE, partitions));

        assertEquals(List.of(100, 20), glue.requests.stream().map(r -> r.partitionInputList().size()).toList());
        assertTrue(e.getMessage().contains("Glue refused 1 of 120 partitions of db.metrics"), e.getMessage());
        assertTrue(e.getMessage().contains("[a, 2026, 11, 23, 02]: InternalServiceException"), e.getMessage());
        assertEquals(119, e.done().size());
        assertTrue(e.done().contains(hour("b", 3)));
        assertFalse(e.done().contains(hour("a", 2)));
    }
}
