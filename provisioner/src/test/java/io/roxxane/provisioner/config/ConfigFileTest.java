package io.roxxane.provisioner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
    @Test
    void parse_whenDotEnvStyle_readsExportQuotesAndComments() {
        Map<String, String> values = ConfigFile.parse(".env", List.of(
                "# comment", "", "export STACK_NAME=shop", "BUCKET_NAME=\"my-bucket\"", "PREFIX = 'data' ", "BUFFERING_SIZE=64"));

        assertEquals(Map.of("STACK_NAME", "shop", "BUCKET_NAME", "my-bucket", "PREFIX", "data", "BUFFERING_SIZE", "64"), values);
    }

    @Test
    void parse_whenImplicitDotEnvServesOtherToolsToo_skipsTheirLines() {
        Map<String, String> values = ConfigFile.parse(".env", List.of("DATABASE_URL=postgres://x", "STACK_NAME=shop", "junk"), false);

        assertEquals(Map.of("STACK_NAME", "shop"), values);
    }

    @Test
    void parse_whenKeyUnknownOrLineMalformed_namesFileLineAndKnownKeys() {
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigFile.parse("roxxane.properties",
                List.of("STACK_NAME=a", "BUCKET=b", "garbage")));

        assertEquals(2, error.problems().size());
        assertTrue(error.problems().get(0).startsWith("roxxane.properties:2: unknown setting BUCKET; known: STACK_NAME,"),
                error.problems().get(0));
        assertTrue(error.problems().get(1).startsWith("roxxane.properties:3: expected KEY=VALUE"), error.problems().get(1));
    }
}
