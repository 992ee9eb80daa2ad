package dev.wren.core.store;

/** The store's backend failed (unreachable, corrupt, out of space). Not a caller's mistake. */
public final class FeatureStoreException extends RuntimeException {
    public FeatureStoreException(String message) {
        super(message);
    }

    public FeatureStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
