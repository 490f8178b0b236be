package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roxxane.schema.PartitionRule;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionMetadataCacheTest {
    @Test
    void metadataFor_whenServicesAndHoursInterleave_equalsTheSchemaRuleEveryTime() {
        PartitionMetadataCache cache = new PartitionMetadataCache();
        List<String> services = Arrays.asList("checkout", null, "Checkout", "\u0000no service", "", "../x");
        long[] times = {1_763_899_199_999L, 1_763_899_200_000L, 1_763_856_000_000L, 1_763_899_199_999L};
        for (int round = 0; round < 2; round++) {
            for (long ts : times) {
                for (String service : services) {
                    assertEquals(PartitionMetadataCache.toJson(PartitionRule.keysFor(service, ts)).getValue(),
                            cache.metadataFor(service, ts).getValue(), service + " at " + ts);
                }
            }
        }
    }

    @Test
    void toJson_whenKeysAreGiven_writesThePartitionKeysObject() {
        assertEquals("{\"partitionKeys\":{\"service\":\"checkout\",\"year\":\"2025\",\"month\":\"11\",\"day\":\"23\","
                + "\"hour\":\"12\"}}", PartitionMetadataCache.toJson(PartitionRule.keysFor("checkout", 1_763_900_000_000L))
                .getValue());
    }
}
