package dev.wren.model.bundle;

/** A bundle file is missing, unreadable, or does not match its recorded checksum. */
public final class CorruptBundleException extends BundleException {
    public CorruptBundleException(String message) {
        super(message);
    }

    public CorruptBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
