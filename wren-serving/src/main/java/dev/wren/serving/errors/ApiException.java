package dev.wren.serving.errors;

/** An error whose HTTP status and message are meant for the client. */
public abstract class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    protected ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** A stable machine-readable code, e.g. {@code not_found}. */
    public String code() {
        return code;
    }
}
