package dev.wren.serving.errors;

/** A backend the request needs is down or not ready. HTTP 503. */
public final class UnavailableException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(503, "unavailable", message);
    }
}
