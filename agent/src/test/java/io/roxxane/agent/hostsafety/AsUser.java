package io.roxxane.agent.hostsafety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/**
 * Runs a child as an ordinary user when the tests run as root (as on the build machine): root
 * reads any folder and ignores permissions, so what an unreadable folder does to the agent is
 * only seen as another user. As that user: {@code nobody}, through {@code setpriv}.
 */
final class AsUser {
    private static final String USER = "nobody";
    private static final int ID = 65534;

    private AsUser() {
    }

    static boolean switching() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Paths.get("/usr/bin/setpriv"));
    }

    /** The command prefix that runs the rest as {@code nobody}, or nothing. */
    static List<String> prefix(Path run) {
        return switching()
                ? List.of("/usr/bin/setpriv", "--reuid=" + ID, "--regid=" + ID, "--clear-groups")
                : List.of();
    }

    /** Makes {@code paths} the child's user's (when it runs as another user). */
    static void giveTo(Path run, Path... paths) throws IOException {
        if (!switching()) {
            return;
        }
        UserPrincipal user = run.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
        for (Path path : paths) {
            Files.setOwner(path, user);
        }
    }
}
