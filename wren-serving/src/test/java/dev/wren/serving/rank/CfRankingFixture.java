package dev.wren.serving.rank;

import static dev.wren.serving.Fixtures.catalog;
import static dev.wren.serving.Fixtures.item;
import static dev.wren.serving.Fixtures.ratings;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.recommend.Candidate;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.RatingsIndex;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.pipeline.UserContexts;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The collaborative filters' rankers' world: five items, and user 1, who watched item 1. EASE: item 1 -> 2 strongly,
 * -> 3 weakly. ALS prefers 3 over 2 for user 1.
 */
final class CfRankingFixture {
    final Catalog catalog;
    final CfModel cf;
    final UserContexts users;

    CfRankingFixture() {
        RatingsIndex ratings = ratings(new double[][] {{1, 1, 4}, {2, 4, 4}});
        catalog = catalog(
                ratings,
                item(1, 1990, "A"),
                item(2, 1990, "A"),
                item(3, 1990, "B"),
                item(4, 1990, "B"),
                item(5, 1990, "B"));
        FeatureStore store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(4, 2));
        Map<Integer, Features> items = new HashMap<>();
        items.put(
                1,
                Features.builder()
                        .intList(FeatureSchema.CF_NEIGHBOURS, List.of(2, 3))
                        .floatList(FeatureSchema.CF_WEIGHTS, new float[] {1f, 0.1f})
                        .vector(FeatureSchema.CF_FACTORS, new float[] {1, 0})
                        .build());
        items.put(2, factors(0, 0.1f));
        items.put(3, factors(0, 1));
        items.put(4, factors(1, 1));
        items.put(5, factors(-1, -1));
        try (FeatureStore.SnapshotWriter w = store.beginSnapshot("v1")) {
            w.put(EntityKind.ITEM, items);
            w.put(EntityKind.USER, Map.of(1, factors(0, 1)));
            w.commit();
        }
        cf = CfModel.from(items, catalog.slots());
        users = new UserContexts(catalog, ratings, new RecentEvents(), store, UserFeatureRules.defaults(), cf);
    }

    private static Features factors(float... values) {
        return Features.builder().vector(FeatureSchema.CF_FACTORS, values).build();
    }

    /** Candidates of these ids, each with recall score 1 / id. */
    static List<Candidate> candidates(int... ids) {
        return Arrays.stream(ids)
                .mapToObj(id -> new Candidate(id, "test", 1.0 / id, "r"))
                .toList();
    }
}
