package dev.wren.serving.errors;

/** A malformed or out-of-range parameter or body. HTTP 400. */
public final class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(400, "bad_request", message);
    }
}
