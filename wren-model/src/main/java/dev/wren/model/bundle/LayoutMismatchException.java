package dev.wren.model.bundle;

/** The bundle was trained with a different feature layout than the one offered. */
public final class LayoutMismatchException extends BundleException {
    public LayoutMismatchException(String message) {
        super(message);
    }
}
