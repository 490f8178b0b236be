package io.roxxane.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The rule: without an emulator, tests are skipped with the reason, but under CI=true they fail. */
class EmulatorLauncherTest {

    @Test
    void unavailable_outsideCi_skipsWithTheReason() {
        RuntimeException e = EmulatorLauncher.unavailable("moto_server is not on the PATH", false);

        assertInstanceOf(TestAbortedException.class, e);
        assertEquals("skipped, moto_server is not on the PATH", e.getMessage());
    }

    @Test
    void unavailable_underCi_failsNamingTheRule() {
        RuntimeException e = EmulatorLauncher.unavailable("moto_server is not on the PATH", true);

        assertInstanceOf(IllegalStateException.class, e);
        assertTrue(e.getMessage().startsWith("CI=true and moto_server is not on the PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("never skip"), e.getMessage());
    }

    @Test
    void setting_systemPropertyOverEnvironment_blankIsUnset() {
        System.setProperty("ROXXANE_TEST_SUPPORT_SETTING", " value ");
        try {
            assertEquals("value", EmulatorLauncher.setting("ROXXANE_TEST_SUPPORT_SETTING").orElseThrow());
            System.setProperty("ROXXANE_TEST_SUPPORT_SETTING", " ");
            assertTrue(EmulatorLauncher.setting("ROXXANE_TEST_SUPPORT_SETTING").isEmpty());
        } finally {
            System.clearProperty("ROXXANE_TEST_SUPPORT_SETTING");
        }
    }
}
