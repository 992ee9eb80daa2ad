package dev.wren.model.bundle;

/** A bundle could not be saved or loaded; the message names the file and what was wrong. */
public class BundleException extends RuntimeException {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
