package dev.wren.serving.rank;

import static dev.wren.serving.Fixtures.catalog;
import static dev.wren.serving.Fixtures.item;
import static dev.wren.serving.Fixtures.ratings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.serving.data.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlendRankerTest {
    private final Catalog catalog = catalog(
            ratings(new double[][] {{1, 1, 5}, {2, 1, 5}, {3, 1, 5}, {1, 2, 1}}),
            item(1, 1990, "Action"),
            item(2, 1990, "Action"),
            item(3, 1990, "Drama"));

    @Test
    void keepsTheRecallOrderWhenRankingByRecallAlone() {
        BlendRanker recall = new BlendRanker(catalog, 1, 0, 0);
        List<ScoredItem> out = recall.rank(
                RequestContext.unknownUser(RecommendRequest.of(9, 3)),
                List.of(
                        new Candidate(2, "a", 100, "x"),
                        new Candidate(3, "b", 0.5, "y"),
                        new Candidate(1, "a", 50, "z")));
        assertThat(out).extracting(ScoredItem::itemId).containsExactly(2, 1, 3);
        assertThat(out.get(1).score()).isEqualTo(0.5);
        assertThat(out.get(0).reason()).isEqualTo("x");
    }

    @Test
    void favoursWellRatedPopularItemsWhenRecallTies() {
        BlendRanker blend = BlendRanker.standard(catalog);
        List<ScoredItem> out = blend.rank(
                RequestContext.unknownUser(RecommendRequest.of(9, 2)),
                List.of(new Candidate(2, "c", 1, "a"), new Candidate(1, "c", 1, "b")));
        assertThat(out.get(0).itemId()).isEqualTo(1);
    }
}
