package dev.wren.model.data;

import java.util.Objects;

/**
 * One labelled impression in a layout's encoding.
 *
 * @param categorical one index per categorical field
 * @param numeric one raw (unscaled) value per numeric field
 * @param sequence recent item ids padded with 0 to the layout's {@link FeatureLayout#sequenceLength()}
 * @param label 1 for a positive, 0 for a negative
 * @param group the grouping key for group AUC, normally the user id
 */
public record Sample(int[] categorical, float[] numeric, int[] sequence, float label, long group) {
    public Sample {
        Objects.requireNonNull(categorical, "categorical");
        Objects.requireNonNull(numeric, "numeric");
        Objects.requireNonNull(sequence, "sequence");
    }

    /** Throws if this sample does not fit the layout, naming the field and value. */
    public void checkFits(FeatureLayout layout) {
        if (categorical.length != layout.categoricalCount()) {
            throw new IllegalArgumentException("sample has " + categorical.length + " categorical values, layout has "
                    + layout.categoricalCount() + " fields");
        }
        if (numeric.length != layout.numericCount()) {
            throw new IllegalArgumentException(
                    "sample has " + numeric.length + " numeric values, layout has " + layout.numericCount());
        }
        if (sequence.length != layout.sequenceLength()) {
            throw new IllegalArgumentException(
                    "sample sequence has length " + sequence.length + ", layout expects " + layout.sequenceLength());
        }
        for (int i = 0; i < categorical.length; i++) {
            CategoricalField f = layout.categorical().get(i);
            if (categorical[i] < 0 || categorical[i] >= f.vocabularySize()) {
                throw new IllegalArgumentException("field '" + f.name() + "': index " + categorical[i] + " outside [0, "
                        + f.vocabularySize() + ")");
            }
        }
        if (layout.sequence().isPresent()) {
            int items =
                    layout.categoricalField(layout.itemIdField().orElseThrow()).vocabularySize();
            for (int id : sequence) {
                if (id < 0 || id >= items) {
                    throw new IllegalArgumentException("sequence '"
                            + layout.sequence().get().name() + "': item " + id + " outside [0, " + items + ")");
                }
            }
        }
        for (int i = 0; i < numeric.length; i++) {
            if (!Float.isFinite(numeric[i])) {
                throw new IllegalArgumentException(
                        "field '" + layout.numeric().get(i).name() + "': value " + numeric[i] + " is not finite");
            }
        }
    }
}
