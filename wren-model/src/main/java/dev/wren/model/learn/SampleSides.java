package dev.wren.model.learn;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.data.Side;

/**
 * Puts one sample's user side and another's item side together: how an item is asked about for a user at the moment
 * of one of the user's samples. Immutable.
 */
final class SampleSides {
    private final int[] itemCategorical;
    private final int[] itemNumeric;

    SampleSides(FeatureLayout layout) {
        this.itemCategorical = layout.categoricalColumns(Side.ITEM);
        this.itemNumeric = layout.numericColumns(Side.ITEM);
    }

    /** {@code user}'s user side and sequence, {@code item}'s item columns, and this label. */
    Sample combine(Sample user, Sample item, float label) {
        int[] categorical = user.categorical().clone();
        float[] numeric = user.numeric().clone();
        for (int c : itemCategorical) {
            categorical[c] = item.categorical()[c];
        }
        for (int n : itemNumeric) {
            numeric[n] = item.numeric()[n];
        }
        return new Sample(categorical, numeric, user.sequence(), label, user.group());
    }
}
