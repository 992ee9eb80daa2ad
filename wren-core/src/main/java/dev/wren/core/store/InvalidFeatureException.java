package dev.wren.core.store;

/** A feature row that the schema refuses: an unknown name, a wrong type, or a vector of the wrong dimension. */
public final class InvalidFeatureException extends IllegalArgumentException {
    public InvalidFeatureException(String message) {
        super(message);
    }
}
