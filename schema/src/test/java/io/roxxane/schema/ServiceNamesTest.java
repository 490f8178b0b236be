package io.roxxane.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServiceNamesTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "checkout           | checkout",
        "Checkout-API       | checkout-api",
        "orders_v2.eu       | orders_v2.eu",
        "../../x            | x",
        "a/b/c              | a-b-c",
        "a..b               | a.b",
        ".hidden            | hidden",
        "key=value          | key-value",
        "'   '              | unknown",
        "''                 | unknown",
        "NULL               | unknown",
        "///                | unknown",
        "Über Service       | ber-service",
        "tab\there          | tab-here",
    })
    void sanitize_examples(String input, String expected) {
        assertEquals(expected, ServiceNames.sanitize(input == null ? null : input.replace("\\t", "\t")));
    }

    @Test
    void sanitize_tenThousandCharacters_isBounded() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            s.append('a');
        }
        assertEquals(ServiceNames.MAX_LENGTH, ServiceNames.sanitize(s.toString()).length());
    }

    @Test
    void sanitize_controlAndSurrogateCharacters_areReplaced() {
        assertEquals("a-b", ServiceNames.sanitize("a\u0000\u0007\n\uD800b"));
    }

    @Test
    void sanitize_randomStrings_alwaysGiveOneSafeSegment() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(0, 120);
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < length; j++) {
                s.append(random.nextBoolean() ? "./-=A\\ \u00e9"
                        .charAt(random.nextInt(8)) : (char) random.nextInt(0, 0x3000));
            }
            String out = ServiceNames.sanitize(s.toString());
            assertTrue(out.matches("[a-z0-9_][a-z0-9_.-]{0,63}"), () -> "unsafe: " + out);
            assertFalse(out.contains(".."), out);
            assertFalse(out.endsWith(".") || out.endsWith("-"), out);
            assertEquals(out, ServiceNames.sanitize(out), "sanitising is idempotent");
        }
    }
}
