package dev.wren.cli;

/** A failure the user can act on, with the exit code that says what kind it was. */
final class WrenUserException extends RuntimeException {
    private final int exitCode;

    WrenUserException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    WrenUserException(String message, int exitCode) {
        this(message, exitCode, null);
    }

    int exitCode() {
        return exitCode;
    }
}
