package dev.wren.serving.rank;

import static dev.wren.serving.rank.CfRankingFixture.candidates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.pipeline.UserContexts;
import dev.wren.serving.recall.AlsRetriever;
import dev.wren.serving.recall.EaseRetriever;
import java.util.List;
import org.junit.jupiter.api.Test;

class CfBlendRankerTest {
    private final CfRankingFixture fixture = new CfRankingFixture();
    private final Catalog catalog = fixture.catalog;
    private final UserContexts users = fixture.users;

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
        VectorIndex index = VectorIndex.build(fixture.cf.factorsById(catalog), 2, VectorIndex.Similarity.DOT_PRODUCT);
        assertThat(new AlsRetriever(catalog, index).retrieve(users.context(r), 3))
                .extracting(Candidate::itemId)
                .containsExactly(3, 4, 2);
    }
}
