package dev.wren.stream.items;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The item features of the sliding window beyond wren-core's {@link FeatureSchema#TRENDING_COUNT}: exposures, clicks
 * and their ratio. wren-core's standard schema does not name them yet, so they are named here, once, and {@link
 * #schema} is the standard schema with them added, which the job writes through.
 */
public final class ItemWindowFeatures {
    /** How often the item was shown in the window. */
    public static final String RECENT_EXPOSURES = "recentExposures";
    /** Clicks on the item in the window. */
    public static final String RECENT_CLICKS = "recentClicks";
    /** Clicks over exposures in the window; written only for a window with exposures. */
    public static final String RECENT_CTR = "recentCtr";

    private ItemWindowFeatures() {}

    /** The standard schema of that dimension, with the window features added to the items' when it lacks them. */
    public static FeatureSchema schema(int embeddingDimension) {
        FeatureSchema standard = FeatureSchema.standard(embeddingDimension);
        List<FeatureSpec> items = new ArrayList<>(standard.itemFeatures());
        for (String name : List.of(RECENT_EXPOSURES, RECENT_CLICKS, RECENT_CTR)) {
            if (items.stream().noneMatch(s -> s.name().equals(name))) {
                items.add(FeatureSpec.number(name));
            }
        }
        return new FeatureSchema(standard.namespace(), standard.userFeatures(), items);
    }
}
