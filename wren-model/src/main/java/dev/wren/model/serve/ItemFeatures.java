package dev.wren.model.serve;

import java.util.Map;

/** The item-side values of one candidate: every ITEM categorical field (as index) and every ITEM numeric field. */
public record ItemFeatures(Map<String, Integer> categorical, Map<String, Float> numeric) {
    public ItemFeatures {
        categorical = Map.copyOf(categorical);
        numeric = Map.copyOf(numeric);
    }
}
