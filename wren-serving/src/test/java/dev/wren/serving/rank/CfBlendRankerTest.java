package dev.wren.serving.rank;

import static dev.wren.serving.Fixtures.catalog;
import static dev.wren.serving.Fixtures.item;
import static dev.wren.serving.Fixtures.ratings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.RatingsIndex;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.pipeline.UserContexts;
import dev.wren.serving.recall.AlsRetriever;
import dev.wren.serving.recall.EaseRetriever;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfBlendRankerTest {
    /** User 1 watched item 1. EASE: item 1 -> 2 strongly, -> 3 weakly. ALS prefers 3 over 2 for user 1. */
    private final RatingsIndex ratings = ratings(new double[][] {{1, 1, 4}, {2, 4, 4}});

    private final Catalog catalog = catalog(
            ratings,
            item(1, 1990, "A"),
            item(2, 1990, "A"),
            item(3, 1990, "B"),
            item(4, 1990, "B"),
            item(5, 1990, "B"));
    private final FeatureStore store = EmbeddedFeatureStore.inMemory(FeatureSchema.standard(4, 2));
    private final CfModel cf;
    private final UserContexts users;

    CfBlendRankerTest() {
        Map<Integer, Features> items = new HashMap<>();
        items.put(
                1,
                Features.builder()
                        .intList(FeatureSchema.CF_NEIGHBOURS, List.of(2, 3))
                        .floatList(FeatureSchema.CF_WEIGHTS, new float[] {1f, 0.1f})
                        .vector(FeatureSchema.CF_FACTORS, new float[] {1, 0})
                        .build());
        items.put(
                2,
                Features.builder()
                        .vector(FeatureSchema.CF_FACTORS, new float[] {0, 0.1f})
                        .build());
        items.put(
                3,
                Features.builder()
                        .vector(FeatureSchema.CF_FACTORS, new float[] {0, 1})
                        .build());
        items.put(
                4,
                Features.builder()
                        .vector(FeatureSchema.CF_FACTORS, new float[] {1, 1})
                        .build());
        items.put(
                5,
                Features.builder()
                        .vector(FeatureSchema.CF_FACTORS, new float[] {-1, -1})
                        .build());
        try (FeatureStore.SnapshotWriter w = store.beginSnapshot("v1")) {
            w.put(EntityKind.ITEM, items);
            w.put(
                    EntityKind.USER,
                    Map.of(
                            1,
                            Features.builder()
                                    .vector(FeatureSchema.CF_FACTORS, new float[] {0, 1})
                                    .build()));
            w.commit();
        }
        cf = CfModel.from(items, catalog.slots());
        users = new UserContexts(catalog, ratings, new RecentEvents(), store, UserFeatureRules.defaults(), cf);
    }

    private static List<Candidate> candidates(int... ids) {
        return java.util.Arrays.stream(ids)
                .mapToObj(id -> new Candidate(id, "test", 1.0 / id, "r"))
                .toList();
    }

    @Test
    void easeAloneAndAlsAloneDisagreeAndTheWeightDecides() {
        List<Candidate> c = candidates(2, 3);
        RecommendRequest r = RecommendRequest.of(1, 2);

        assertThat(new CfBlendRanker(catalog, 1.0).rank(users.context(r), c))
                .extracting(ScoredItem::itemId)
                .containsExactly(2, 3);
        assertThat(new CfBlendRanker(catalog, 0.0).rank(users.context(r), c))
                .extracting(ScoredItem::itemId)
                .containsExactly(3, 2);
    }

    @Test
    void aUserTheFiltersDoNotKnowKeepsRecallsOrder() {
        // User 9 has no history and no factors: the candidates' recall scores (1 / id) decide.
        List<ScoredItem> out =
                new CfBlendRanker(catalog, 0.5).rank(users.context(RecommendRequest.of(9, 3)), candidates(4, 2, 5));

        assertThat(out).extracting(ScoredItem::itemId).containsExactly(2, 4, 5);
    }

    @Test
    void theChannelsProposeUnseenItemsByTheirOwnScores() {
        RecommendRequest r = RecommendRequest.of(1, 3);

        assertThat(new EaseRetriever(catalog).retrieve(users.context(r), 3))
                .extracting(Candidate::itemId)
                .containsExactly(2, 3);
        assertThat(new EaseRetriever(catalog)
                        .retrieve(users.context(r), 3)
                        .get(0)
                        .reason())
                .contains("Movie 1");
        VectorIndex index = VectorIndex.build(cf.factorsById(catalog), 2, VectorIndex.Similarity.DOT_PRODUCT);
        assertThat(new AlsRetriever(catalog, index).retrieve(users.context(r), 3))
                .extracting(Candidate::itemId)
                .containsExactly(3, 4, 2);
    }
}
