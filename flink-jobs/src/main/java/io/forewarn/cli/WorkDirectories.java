package io.forewarn.cli;

import java.nio.file.Path;

/** Where local runs keep their data: $FOREWARN_HOME, ~/.forewarn, or /var/tmp/forewarn as root. */
final class WorkDirectories {

    private WorkDirectories() {}

    /** The default directory of a command, e.g. {@code ~/.forewarn/demo}. */
    static Path of(String command) {
        String home = System.getenv("FOREWARN_HOME");
        if (home != null) {
            return Path.of(home, command);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        return root
                ? Path.of("/var/tmp/forewarn", command)
                : Path.of(System.getProperty("user.home"), ".forewarn", command);
    }
}
