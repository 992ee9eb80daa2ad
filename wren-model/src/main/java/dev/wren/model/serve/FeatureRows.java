package dev.wren.model.serve;

import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericField;
import dev.wren.model.data.Sample;
import dev.wren.model.data.Side;
import java.util.HashMap;
import java.util.Map;

/** Splits an encoded sample into its user part and its item part, e.g. to replay logged samples through a scorer. */
public final class FeatureRows {
    private FeatureRows() {}

    public static UserFeatures userOf(FeatureLayout layout, Sample sample) {
        return new UserFeatures(
                categorical(layout, sample, Side.USER), numeric(layout, sample, Side.USER), sample.sequence());
    }

    public static ItemFeatures itemOf(FeatureLayout layout, Sample sample) {
        return new ItemFeatures(categorical(layout, sample, Side.ITEM), numeric(layout, sample, Side.ITEM));
    }

    private static Map<String, Integer> categorical(FeatureLayout layout, Sample sample, Side side) {
        Map<String, Integer> values = new HashMap<>();
        for (int j = 0; j < layout.categoricalCount(); j++) {
            CategoricalField field = layout.categorical().get(j);
            if (field.side() == side) {
                values.put(field.name(), sample.categorical()[j]);
            }
        }
        return values;
    }

    private static Map<String, Float> numeric(FeatureLayout layout, Sample sample, Side side) {
        Map<String, Float> values = new HashMap<>();
        for (int j = 0; j < layout.numericCount(); j++) {
            NumericField field = layout.numeric().get(j);
            if (field.side() == side) {
                values.put(field.name(), sample.numeric()[j]);
            }
        }
        return values;
    }
}
