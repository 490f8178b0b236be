package io.roxxane.agent.identity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentVersionTest {
    /** The build filters the project's version into the resource beside the class; "unknown" means it was not found. */
    @Test
    void get_readsTheBuildsVersion() {
        String version = AgentVersion.get();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
    }
}
