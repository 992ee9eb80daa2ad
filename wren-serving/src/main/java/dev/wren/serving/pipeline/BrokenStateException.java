package dev.wren.serving.pipeline;

/** A serving state that failed to load or validate; the one already live keeps serving. */
public final class BrokenStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenStateException(String message, Throwable cause) {
        super(message, cause);
    }

    public BrokenStateException(String message) {
        super(message);
    }
}
