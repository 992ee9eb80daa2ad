package dev.wren.serving.errors;

/** A request refused in the server's current state (e.g. a broken snapshot). HTTP 409. */
public final class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(409, "conflict", message);
    }
}
