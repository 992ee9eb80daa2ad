package dev.wren.model.data;

import java.util.Objects;

/**
 * The user's recent items (most recent first), as indices of the layout's item-id field, padded with 0 to
 * {@code maxLength}. DIN and DIEN attend over it; other models may pool it.
 *
 * @param name field name
 * @param maxLength number of positions
 */
public record SequenceField(String name, int maxLength) {
    public SequenceField {
        Objects.requireNonNull(name, "name");
        if (maxLength < 1) {
            throw new IllegalArgumentException("sequence '" + name + "': maxLength must be positive, got " + maxLength);
        }
    }
}
