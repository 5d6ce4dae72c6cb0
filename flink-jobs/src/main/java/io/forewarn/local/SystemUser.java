package io.forewarn.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Creates the system user a local service runs as, when it does not exist yet. */
final class SystemUser {

    private SystemUser() {}

    static synchronized void ensureExists(String name) throws IOException {
        if (exists(name)) {
            return;
        }
        Result result =
                run(
                        List.of(
                                "useradd",
                                "--system",
                                "--no-create-home",
                                "--shell",
                                "/usr/sbin/nologin",
                                name));
        // A concurrent process may have created it in the meantime.
        if (!exists(name)) {
            throw new IOException(
                    "Could not create system user " + name + ": " + result.output.trim());
        }
    }

    static boolean exists(String name) throws IOException {
        return run(List.of("id", "-u", name)).exitCode == 0;
    }

    private static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + String.join(" ", command), e);
        }
    }

    private static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
