package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/** The registrar's caching when Glue refuses a partition (scripted: moto only ever says AlreadyExists). */
class PartitionRegistrarTest {

    @Test
    void register_whenGlueRefusesOne_cachesOnlyTheOthersSoTheRetryResendsIt() {
        ScriptedGlue glue = new ScriptedGlue(StorageDescriptor.builder().location("s3://b/m/").build());
        glue.errorByPath.put("a/2026/11/23/02", "ResourceNumberLimitExceededException");
        PartitionRegistrar registrar = new PartitionRegistrar(glue, "db", "metrics", new RegisteredPartitions(100));
        List<S3EventRecord> event = List.of(
                new S3EventRecord("ObjectCreated:Put", "b", "m/service%3Da/year%3D2026/month%3D11/day%3D23/hour%3D01/f"),
                new S3EventRecord("ObjectCreated:Put", "b", "m/service%3Da/year%3D2026/month%3D11/day%3D23/hour%3D02/f"));
        List<String> log = new ArrayList<>();

        assertThrows(PartitionRegistrationException.class, () -> registrar.register(event, log::add));
        glue.errorByPath.clear();
        PartitionRegistrar.Summary retry = registrar.register(event, log::add);

        assertEquals(new PartitionRegistrar.Summary(2, 0, 2, 1, 1, 0), retry);
        assertEquals(List.of(List.of("a", "2026", "11", "23", "02")),
                glue.requests.get(1).partitionInputList().stream().map(PartitionInput::values).toList());
    }
}
