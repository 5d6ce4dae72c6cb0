package io.forewarn.cli;

/** A user error a command reports as one line (missing file, unreachable service, ...). */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
