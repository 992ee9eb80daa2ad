package dev.wren.model.data;

import java.util.Objects;

/**
 * A real-valued feature; models see it standardised with the training set's mean and deviation.
 *
 * @param name field name, unique in the layout
 * @param side user or item feature
 */
public record NumericField(String name, Side side) {
    public NumericField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
    }
}
