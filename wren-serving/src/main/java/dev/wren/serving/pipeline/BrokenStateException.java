package dev.wren.serving.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/** A serving state that failed to load or validate; the one already live keeps serving. */
public final class BrokenStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The model bundle at fault, when one is: start-up can then try the version before it. */
    private final transient Path bundle;

    public BrokenStateException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public BrokenStateException(String message) {
        super(message);
        this.bundle = null;
    }

    /** A state refused because of one model bundle (a version folder). */
    public BrokenStateException(String message, Throwable cause, Path bundle) {
        super(message, cause);
        this.bundle = bundle;
    }

    public Optional<Path> bundle() {
        return Optional.ofNullable(bundle);
    }
}
