package io.roxxane.agent.cli;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;

/** Where the roxxane.jar that runs this code lives. */
final class RunningJar {
    private RunningJar() {
    }

    /** The jar file, found from this class's code source (the isolated loader's jar). */
    static File path() throws URISyntaxException {
        URL location = RunningJar.class.getProtectionDomain().getCodeSource().getLocation();
        return new File(location.toURI());
    }
}
