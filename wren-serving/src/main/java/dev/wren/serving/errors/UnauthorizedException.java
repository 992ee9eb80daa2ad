package dev.wren.serving.errors;

/** A request to a protected route without the right credentials. HTTP 401. */
public final class UnauthorizedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(401, "unauthorized", message);
    }
}
