package dev.wren.serving.errors;

/** An id that names nothing. HTTP 404. */
public final class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(404, "not_found", message);
    }
}
