package dev.wren.serving.pipeline;

import dev.wren.core.store.FeatureStore;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.CoOccurrence;
import dev.wren.serving.data.RatingsIndex;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.models.ServingModels;
import dev.wren.serving.trend.Trending;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The data one serving state was built from; what stage factories (a DeepFM ranker, say) may read. Immutable apart
 * from the store, which is thread-safe, the models, which the state's owner closes, and the trends, which the server
 * refreshes.
 *
 * @param version a label of this load, shown by readiness and logged with exposures
 * @param catalog the items and their statistics
 * @param ratings every user's ratings from the ratings file
 * @param coOccurrence item-CF neighbours
 * @param itemIndex the ANN index over item embeddings
 * @param users per-user request context
 * @param store the feature store
 * @param settings the default pipeline settings
 * @param models the trained models of this state (none when there is no models folder)
 * @param cf the collaborative filters the store holds (empty when it holds none)
 * @param factorIndex the index over the items' ALS factors, by dot product (empty without factors)
 * @param trends the items trending now, as the server last read them ({@link Trending#NONE} without a stream job)
 */
public record ServingData(
        String version,
        Catalog catalog,
        RatingsIndex ratings,
        CoOccurrence coOccurrence,
        VectorIndex itemIndex,
        UserContexts users,
        FeatureStore store,
        PipelineSettings settings,
        ServingModels models,
        CfModel cf,
        VectorIndex factorIndex,
        Supplier<Trending> trends) {
    public ServingData {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(coOccurrence, "coOccurrence");
        Objects.requireNonNull(itemIndex, "itemIndex");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(cf, "cf");
        Objects.requireNonNull(factorIndex, "factorIndex");
        Objects.requireNonNull(trends, "trends");
    }
}
