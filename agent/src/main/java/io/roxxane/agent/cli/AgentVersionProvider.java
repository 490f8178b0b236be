package io.roxxane.agent.cli;

import io.roxxane.agent.identity.AgentVersion;
import picocli.CommandLine.IVersionProvider;

/** Supplies {@code --version}. */
public final class AgentVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"roxxane " + AgentVersion.get()};
    }
}
