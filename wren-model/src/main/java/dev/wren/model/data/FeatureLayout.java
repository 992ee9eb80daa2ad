package dev.wren.model.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one feature layout all models read: categorical fields (with vocabulary sizes), numeric fields, an optional
 * sequence of recent item ids, and which categorical fields hold the user id and the item id.
 *
 * <p>A trained model remembers the layout it was trained with; a bundle refuses to load against a different one
 * ({@link #differenceFrom}).
 *
 * @param categorical categorical fields, in tensor column order
 * @param numeric numeric fields, in tensor column order
 * @param sequence the recent-items field, if any
 * @param userIdField name of the categorical field holding the user id, if any
 * @param itemIdField name of the categorical field holding the item id, if any
 */
public record FeatureLayout(
        List<CategoricalField> categorical,
        List<NumericField> numeric,
        Optional<SequenceField> sequence,
        Optional<String> userIdField,
        Optional<String> itemIdField) {

    public FeatureLayout {
        categorical = List.copyOf(categorical);
        numeric = List.copyOf(numeric);
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(userIdField, "userIdField");
        Objects.requireNonNull(itemIdField, "itemIdField");
        if (categorical.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one categorical field");
        }
        Set<String> names = new HashSet<>();
        for (CategoricalField f : categorical) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("field '" + f.name() + "' appears twice");
            }
        }
        for (NumericField f : numeric) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("field '" + f.name() + "' appears twice");
            }
        }
        if (userIdField.isPresent()) {
            requireCategorical(categorical, userIdField.get(), Side.USER, "userIdField");
        }
        if (itemIdField.isPresent()) {
            requireCategorical(categorical, itemIdField.get(), Side.ITEM, "itemIdField");
        }
        if (sequence.isPresent() && itemIdField.isEmpty()) {
            throw new IllegalArgumentException(
                    "sequence '" + sequence.get().name() + "' holds item ids, so the layout needs an itemIdField");
        }
    }

    public int categoricalCount() {
        return categorical.size();
    }

    public int numericCount() {
        return numeric.size();
    }

    /** Positions per sample in the sequence tensor: the sequence's max length, or 1 (all padding) without one. */
    public int sequenceLength() {
        return sequence.map(SequenceField::maxLength).orElse(1);
    }

    /** Column of the named categorical field. */
    public int categoricalIndex(String name) {
        for (int i = 0; i < categorical.size(); i++) {
            if (categorical.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no categorical field '" + name + "'; fields are " + categoricalNames());
    }

    /** Column of the named numeric field. */
    public int numericIndex(String name) {
        for (int i = 0; i < numeric.size(); i++) {
            if (numeric.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no numeric field '" + name + "'; fields are "
                + numeric.stream().map(NumericField::name).toList());
    }

    public CategoricalField categoricalField(String name) {
        return categorical.get(categoricalIndex(name));
    }

    /** Column of the user-id field, or an error naming the model that needs it. */
    public int userIdIndex(String model) {
        return categoricalIndex(userIdField.orElseThrow(
                () -> new IllegalArgumentException(model + " needs a layout with a userIdField")));
    }

    /** Column of the item-id field, or an error naming the model that needs it. */
    public int itemIdIndex(String model) {
        return categoricalIndex(itemIdField.orElseThrow(
                () -> new IllegalArgumentException(model + " needs a layout with an itemIdField")));
    }

    public List<String> categoricalNames() {
        return categorical.stream().map(CategoricalField::name).toList();
    }

    /** Columns of the categorical fields on one side. */
    public int[] categoricalColumns(Side side) {
        return java.util.stream.IntStream.range(0, categorical.size())
                .filter(i -> categorical.get(i).side() == side)
                .toArray();
    }

    /** Columns of the numeric fields on one side. */
    public int[] numericColumns(Side side) {
        return java.util.stream.IntStream.range(0, numeric.size())
                .filter(i -> numeric.get(i).side() == side)
                .toArray();
    }

    /**
     * What differs between this layout and another, in words, or empty if they are the same. Vocabulary contents are
     * compared too: the same size with different values would silently swap meanings.
     */
    public Optional<String> differenceFrom(FeatureLayout other) {
        List<String> differences = new ArrayList<>();
        if (!categoricalNames().equals(other.categoricalNames())) {
            differences.add("categorical fields " + categoricalNames() + " vs " + other.categoricalNames());
        } else {
            for (int i = 0; i < categorical.size(); i++) {
                CategoricalField a = categorical.get(i);
                CategoricalField b = other.categorical.get(i);
                if (a.vocabularySize() != b.vocabularySize()) {
                    differences.add("field '" + a.name() + "' vocabularySize " + a.vocabularySize() + " vs "
                            + b.vocabularySize());
                } else if (!a.vocabulary().equals(b.vocabulary())) {
                    differences.add("field '" + a.name() + "' vocabulary values differ");
                }
                if (a.side() != b.side()) {
                    differences.add("field '" + a.name() + "' side " + a.side() + " vs " + b.side());
                }
            }
        }
        if (!numeric.equals(other.numeric)) {
            differences.add("numeric fields " + numeric + " vs " + other.numeric);
        }
        if (!sequence.equals(other.sequence)) {
            differences.add("sequence " + sequence + " vs " + other.sequence);
        }
        if (!userIdField.equals(other.userIdField)) {
            differences.add("userIdField " + userIdField + " vs " + other.userIdField);
        }
        if (!itemIdField.equals(other.itemIdField)) {
            differences.add("itemIdField " + itemIdField + " vs " + other.itemIdField);
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
    }

    private static void requireCategorical(List<CategoricalField> fields, String name, Side side, String role) {
        CategoricalField field = fields.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(role + " '" + name + "' is not a categorical field"));
        if (field.side() != side) {
            throw new IllegalArgumentException(role + " '" + name + "' must be a " + side + " field");
        }
    }
}
