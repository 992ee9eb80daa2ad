package dev.wren.core.store;

/** The value types a feature can hold. */
public enum FeatureType {
    /** A double, such as a rating average. */
    NUMBER,
    /** One string, such as a category. */
    TEXT,
    /** A list of ids, such as the last positively rated items. */
    INT_LIST,
    /** A list of strings, such as the top genres. */
    TEXT_LIST,
    /** A float vector of a fixed dimension: an embedding. */
    VECTOR,
    /** Floats of any length, such as the weights that go with an {@link #INT_LIST} of neighbours. */
    FLOAT_LIST
}
