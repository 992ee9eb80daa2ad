package dev.wren.model.serve;

import java.util.Map;

/**
 * The user-side values of one scoring request: every USER categorical field (as its index, see
 * {@link dev.wren.model.data.CategoricalField#encode}), every USER numeric field (raw), and the recent item ids
 * (most recent first; shorter than the layout's length is padded, longer is cut).
 */
public record UserFeatures(Map<String, Integer> categorical, Map<String, Float> numeric, int[] recentItems) {
    public UserFeatures {
        categorical = Map.copyOf(categorical);
        numeric = Map.copyOf(numeric);
        recentItems = recentItems.clone();
    }
}
