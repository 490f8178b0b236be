package io.roxxane.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The rule, as JUnit reports it: a class whose emulator cannot start has every test reported
 * skipped with the reason and none of its set-up run; under {@code CI=true} it fails instead.
 * Runs {@link NeedsMoto} with {@code MOTO_SERVER} naming no file, so whichever of the two this
 * machine's environment asks for is what is checked.
 */
class WithoutAnEmulatorTest {
    static final List<String> CALLS = new ArrayList<>();

    /** Not run by surefire itself (a nested class); only through the engine below. */
    static class NeedsMoto {
        @RegisterExtension
        static final AwsEmulatorExtension MOTO = AwsEmulatorExtension.ownMoto();

        @BeforeAll
        static void setUp(AwsEmulator aws) {
            CALLS.add("@BeforeAll " + aws);
        }

        @BeforeEach
        void eachSetUp() {
            CALLS.add("@BeforeEach");
        }

        @AfterAll
        static void tearDown() {
            CALLS.add("@AfterAll");
        }

        @Test
        void withTheEmulator(AwsEmulator aws) {
            CALLS.add("test " + aws);
        }

        @Test
        void withoutAsking() {
            CALLS.add("test without asking");
        }
    }

    @Test
    void ownMoto_whenNoMotoServer_skipsEachTestWithTheReasonOrFailsUnderCi() {
        CALLS.clear();
        System.setProperty("MOTO_SERVER", "/nonexistent/moto_server");
        EngineExecutionResults results;
        try {
            results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsMoto.class)).execute();
        } finally {
            System.clearProperty("MOTO_SERVER");
        }

        assertEquals(List.of(), CALLS, "nothing of the class may run without its emulator");
        if (EmulatorLauncher.isCi()) {
            results.containerEvents().assertStatistics(stats -> stats.failed(1));
            results.testEvents().assertStatistics(stats -> stats.started(0).skipped(0));
            Throwable failure = results.containerEvents().failed().stream().findFirst().orElseThrow()
                    .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
            assertTrue(failure.getMessage().startsWith("CI=true and moto_server is neither on the PATH nor named by MOTO_SERVER"),
                    failure.getMessage());
        } else {
            results.containerEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
            results.testEvents().assertStatistics(stats -> stats.started(2).aborted(2).succeeded(0).failed(0));
            for (Event aborted : results.testEvents().aborted().list()) {
                Throwable reason = aborted.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow();
                assertEquals("skipped, moto_server is neither on the PATH nor named by MOTO_SERVER (pip install 'moto[server]')",
                        reason.getMessage());
            }
        }
    }
}
