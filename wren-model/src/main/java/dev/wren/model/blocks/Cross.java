package dev.wren.model.blocks;

import dev.wren.model.data.FeatureLayout;
import java.util.Objects;

/**
 * A crossed categorical feature for a wide part, such as user genre x movie genre: the pair of indices (a, b) becomes
 * one index a * vocabulary(b) + b with its own weight.
 *
 * @param first name of a categorical field
 * @param second name of another categorical field
 */
public record Cross(String first, String second) {
    public Cross {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    long size(FeatureLayout layout) {
        return (long) layout.categoricalField(first).vocabularySize()
                * layout.categoricalField(second).vocabularySize();
    }
}
