package dev.wren.model.data;

import java.util.List;
import java.util.Objects;

/**
 * A categorical feature encoded as an index in {@code [0, vocabularySize)}; index 0 means missing or unknown.
 *
 * @param name field name, unique in the layout
 * @param side user or item feature
 * @param vocabularySize number of indices including the reserved 0
 * @param vocabulary the values of indices 1.. in order, or empty when the values are indices already (ids)
 */
public record CategoricalField(String name, Side side, int vocabularySize, List<String> vocabulary) {
    public CategoricalField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        vocabulary = List.copyOf(vocabulary);
        if (vocabularySize < 2) {
            throw new IllegalArgumentException(
                    "field '" + name + "': vocabularySize must be at least 2 (0 is reserved), got " + vocabularySize);
        }
        if (!vocabulary.isEmpty() && vocabulary.size() + 1 != vocabularySize) {
            throw new IllegalArgumentException("field '" + name + "': vocabulary has " + vocabulary.size()
                    + " values, so vocabularySize must be " + (vocabulary.size() + 1) + ", got " + vocabularySize);
        }
    }

    /** A field whose values are already indices, such as user or item ids. */
    public static CategoricalField ids(String name, Side side, int vocabularySize) {
        return new CategoricalField(name, side, vocabularySize, List.of());
    }

    /** A field over named values; index i + 1 stands for {@code values.get(i)}. */
    public static CategoricalField of(String name, Side side, List<String> values) {
        return new CategoricalField(name, side, values.size() + 1, values);
    }

    /** The index of a value: its vocabulary position + 1, the parsed id for id fields, 0 when unknown or blank. */
    public int encode(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        if (vocabulary.isEmpty()) {
            try {
                int id = Integer.parseInt(value.trim());
                return id > 0 && id < vocabularySize ? id : 0;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field '" + name + "': '" + value + "' is not an integer id", e);
            }
        }
        return vocabulary.indexOf(value) + 1;
    }
}
