package dev.wren.serving.rerank;

import static dev.wren.serving.Fixtures.catalog;
import static dev.wren.serving.Fixtures.item;
import static dev.wren.serving.Fixtures.ratings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.core.store.FeatureSchema;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.RatingsIndex;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.pipeline.UserContext;
import dev.wren.serving.pipeline.UserContexts;
import dev.wren.store.embedded.EmbeddedFeatureStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiversityRerankerTest {
    private final RatingsIndex ratings = ratings(new double[][] {{1, 5, 4}});
    private final Catalog catalog = catalog(
            ratings,
            item(1, 1990, "Action"),
            item(2, 1990, "Action"),
            item(3, 1990, "Action"),
            item(4, 1990, "Comedy"),
            item(5, 1990, "Drama"),
            item(6, 2020, "Action"));
    private final UserContexts users = new UserContexts(
            catalog,
            ratings,
            new RecentEvents(),
            EmbeddedFeatureStore.inMemory(FeatureSchema.standard(4)),
            UserFeatureRules.defaults());

    private RequestContext<UserContext> request(RecommendRequest request) {
        return users.context(request);
    }

    private static List<ScoredItem> ranked(int... ids) {
        return java.util.stream.IntStream.range(0, ids.length)
                .mapToObj(i -> new ScoredItem(ids[i], 1.0 - i * 0.1, "c", "r"))
                .toList();
    }

    @Test
    void keepsTheRankedOrderWithPureRelevanceAndDropsSeenItems() {
        DiversityReranker top = new DiversityReranker(catalog, 1, 0);
        List<ScoredItem> out = top.rerank(request(RecommendRequest.of(1, 10)), ranked(1, 2, 5, 3, 4), 10);
        assertThat(out).extracting(ScoredItem::itemId).containsExactly(1, 2, 3, 4); // user 1 has seen 5
    }

    @Test
    void interleavesGenresWhenDiversityCounts() {
        DiversityReranker mmr = new DiversityReranker(catalog, 0.5, 0);
        List<ScoredItem> out = mmr.rerank(request(RecommendRequest.of(2, 3)), ranked(1, 2, 3, 4), 3);
        assertThat(out).extracting(ScoredItem::itemId).containsExactly(1, 4, 2);
    }

    @Test
    void boostsRecentReleasesAndRespectsTheGenreFilter() {
        DiversityReranker fresh = new DiversityReranker(catalog, 1, 1.0);
        List<ScoredItem> out = fresh.rerank(request(RecommendRequest.of(2, 2)), ranked(1, 6), 2);
        assertThat(out.get(0).itemId()).isEqualTo(6);
        RecommendRequest comedy = new RecommendRequest(2, 5, Optional.of("Comedy"), "default", Map.of());
        assertThat(fresh.rerank(request(comedy), ranked(1, 4, 6), 5))
                .extracting(ScoredItem::itemId)
                .containsExactly(4);
    }
}
