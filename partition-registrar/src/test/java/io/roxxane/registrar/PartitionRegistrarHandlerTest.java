package io.roxxane.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionRegistrarHandlerTest {

    @Test
    void constructor_whenTableVariableMissing_namesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PartitionRegistrarHandler(
                Map.of("AWS_REGION", "eu-west-1", "GLUE_DATABASE", "roxxane")));

        assertEquals("environment variable GLUE_TABLE is required and must not be blank", e.getMessage());
    }

    @Test
    void constructor_whenDatabaseBlank_namesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PartitionRegistrarHandler(
                Map.of("AWS_REGION", "eu-west-1", "GLUE_DATABASE", " ", "GLUE_TABLE", "metrics")));

        assertEquals("environment variable GLUE_DATABASE is required and must not be blank", e.getMessage());
    }

    @Test
    void constructor_whenRegionMissing_namesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PartitionRegistrarHandler(
                Map.of("GLUE_DATABASE", "roxxane", "GLUE_TABLE", "metrics")));

        assertEquals("environment variable AWS_REGION is required and must not be blank", e.getMessage());
    }
}
