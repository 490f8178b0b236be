package io.roxxane.provisioner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A setting's definition is the one source of its default and of the values it allows. */
class SettingTest {
    /** Defaults of the default stack, for templates that name other settings; the account and region as AWS gives them. */
    private static String defaultOf(String key) {
        return switch (key) {
            case "ACCOUNT_ID" -> "123456789012";
            case "REGION_NAME" -> "eu-west-1";
            default -> Setting.valueOf(key).defaultValue(SettingTest::defaultOf);
        };
    }

    @Test
    void defaultValue_whenItNamesOtherSettings_fillsThemIn() {
        Map<String, String> values = Map.of("STACK_NAME", "shop", "LAMBDA_FUNCTION_NAME", "shop-fn");

        assertEquals("shop-metrics", Setting.DELIVERY_STREAM_NAME.defaultValue(values::get));
        assertEquals("shop-fn-role", Setting.LAMBDA_ROLE_NAME.defaultValue(values::get));
        assertEquals("128", Setting.BUFFERING_SIZE.defaultValue(values::get));
        assertEquals("/aws/kinesisfirehose/roxxane-metrics", Setting.LOG_GROUP_NAME.defaultValue(SettingTest::defaultOf));
    }

    @Test
    void defaultValue_whenCodeComputesIt_refusesToExpandTheDescription() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Setting.GLUE_DATABASE_NAME.defaultValue(SettingTest::defaultOf));

        assertTrue(error.getMessage().contains("GLUE_DATABASE_NAME"), error.getMessage());
    }

    @Test
    void everyDefault_isAllowedByItsOwnSetting() {
        for (Setting setting : Setting.values()) {
            if (setting.allowed().isPresent() && setting != Setting.GLUE_DATABASE_NAME) {
                String value = setting.defaultValue(SettingTest::defaultOf);

                assertTrue(setting.allowed().get().allows(value), setting + "=" + value + " against " + setting.allowed().get().describe());
            }
        }
    }

    @Test
    void range_whenChecked_acceptsItsBoundsOnlyAndSaysThemFirst() {
        Allowed.Range range = new Allowed.Range(64, 128, "MiB", ": why");

        assertTrue(range.allows("64") && range.allows(" 128 "));
        assertFalse(range.allows("63") || range.allows("129") || range.allows("big") || range.allows(""));
        assertEquals("64..128 MiB: why", range.describe());
    }

    @Test
    void oneOf_whenChecked_acceptsOnlyItsValuesAndListsThemSorted() {
        Allowed.OneOf oneOf = new Allowed.OneOf(List.of(14, 1, 3), "days");

        assertTrue(oneOf.allows("3"));
        assertFalse(oneOf.allows("2") || oneOf.allows("x"));
        assertEquals("one of [1, 3, 14] days", oneOf.describe());
    }

    @Test
    void keyPrefix_whenChecked_rejectsEmptyTooLongAndDotSegments() {
        Allowed prefix = Allowed.KEY_PREFIX;

        assertTrue(prefix.allows("metrics") && prefix.allows("a/b.c/d-e_f") && prefix.allows("a".repeat(200)));
        for (String rejected : List.of("", "a".repeat(201), "a/./b", "../a", "a/..", "a//b", "a b", "data/!{x}")) {
            assertFalse(prefix.allows(rejected), rejected);
        }
        assertTrue(prefix.describe().startsWith("1..200 characters"), prefix.describe());
    }
}
