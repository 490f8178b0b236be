package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/** The registrar's caching when Glue refuses a partition (scripted: moto only ever says AlreadyExists). */
class PartitionRegistrarTest {
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final List<S3EventRecord> ONE_OBJECT = List.of(
            new S3EventRecord("ObjectCreated:Put", "b", "m/service%3Da/year%3D2026/month%3D11/day%3D23/hour%3D01/f"));

    private final AtomicLong clock = new AtomicLong();

    @Test
    void register_whenGlueRefusesOne_cachesOnlyTheOthersSoTheRetryResendsIt() {
        ScriptedGlue glue = new ScriptedGlue(StorageDescriptor.builder().location("s3://b/m/").build());
        glue.errorByPath.put("a/2026/11/23/02", "ResourceNumberLimitExceededException");
        PartitionRegistrar registrar = new PartitionRegistrar(glue, "db", "metrics",
                new RegisteredPartitions(100, MAX_AGE, clock::get), MAX_AGE, clock::get);
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

    @Test
    void register_whenCacheAndTableCopyAged_readsTableAgainAndResendsPartition() {
        ScriptedGlue glue = new ScriptedGlue(StorageDescriptor.builder().location("s3://b/m/").build());
        PartitionRegistrar registrar = new PartitionRegistrar(glue, "db", "metrics",
                new RegisteredPartitions(100, MAX_AGE, clock::get), MAX_AGE, clock::get);
        registrar.register(ONE_OBJECT, line -> { });
        clock.addAndGet(MAX_AGE.toNanos() - 1);
        PartitionRegistrar.Summary young = registrar.register(ONE_OBJECT, line -> { });

        clock.addAndGet(1);
        glue.errorByPath.put("a/2026/11/23/01", "AlreadyExistsException");
        PartitionRegistrar.Summary aged = registrar.register(ONE_OBJECT, line -> { });

        assertEquals(new PartitionRegistrar.Summary(1, 0, 1, 1, 0, 0), young);
        assertEquals(new PartitionRegistrar.Summary(1, 0, 1, 0, 0, 1), aged);
        assertEquals(2, glue.getTableCalls);
        assertEquals(2, glue.requests.size());
    }

    @Test
    void register_whenNoRecords_makesNoGlueCall() {
        ScriptedGlue glue = new ScriptedGlue(StorageDescriptor.builder().location("s3://b/m/").build());
        PartitionRegistrar registrar = new PartitionRegistrar(glue, "db", "metrics",
                new RegisteredPartitions(100, MAX_AGE, clock::get), MAX_AGE, clock::get);

        assertEquals(new PartitionRegistrar.Summary(0, 0, 0, 0, 0, 0), registrar.register(List.of(), line -> { }));
        assertEquals(0, glue.getTableCalls);
    }
}
