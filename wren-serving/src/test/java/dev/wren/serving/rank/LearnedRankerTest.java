package dev.wren.serving.rank;

import static dev.wren.serving.rank.CfRankingFixture.candidates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.model.topk.TopKRanker;
import dev.wren.serving.TinyRankers;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.pipeline.UserContexts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learned ranker over the {@code cf} ranker's fixture: it follows its network where it has one (here a network
 * trained to follow ALS), and ranks as the {@code cf} ranker where it has none.
 */
class LearnedRankerTest {
    private final CfRankingFixture fixture = new CfRankingFixture();
    private final Catalog catalog = fixture.catalog;
    private final UserContexts users = fixture.users;

    private static TopKRanker followsAls;

    /** A network trained on lists whose positives are the candidates with the highest ALS score. */
    @BeforeAll
    static void train() {
        followsAls = TinyRankers.followingAls();
    }

    @AfterAll
    static void close() {
        followsAls.close();
    }

    @Test
    void theNetworkDecidesTheOrderWhereTheBlendWouldNot() {
        // With EASE weighted 1 the cf ranker puts 2 first; the network learnt to follow ALS, which prefers 3.
        RecommendRequest r = RecommendRequest.of(1, 2);
        List<Candidate> c = candidates(2, 3);

        assertThat(new CfBlendRanker(catalog, 1.0).rank(users.context(r), c))
                .extracting(ScoredItem::itemId)
                .containsExactly(2, 3);
        assertThat(new LearnedRanker(catalog, 1.0, Optional.of(followsAls)).rank(users.context(r), c))
                .extracting(ScoredItem::itemId)
                .containsExactly(3, 2);
    }

    @Test
    void withoutANetworkItRanksAsTheCfRanker() {
        RecommendRequest r = RecommendRequest.of(1, 3);
        List<Candidate> c = candidates(2, 3, 4, 5);
        LearnedRanker untrained = new LearnedRanker(catalog, 0.35, Optional.empty());

        assertThat(untrained.trained()).isFalse();
        assertThat(untrained.rank(users.context(r), c))
                .isEqualTo(new CfBlendRanker(catalog, 0.35).rank(users.context(r), c));
    }

    @Test
    void aUserTheFiltersDoNotKnowKeepsRecallsOrder() {
        List<ScoredItem> out = new LearnedRanker(catalog, 0.5, Optional.of(followsAls))
                .rank(users.context(RecommendRequest.of(9, 3)), candidates(4, 2, 5));

        assertThat(out).extracting(ScoredItem::itemId).containsExactly(2, 4, 5);
    }

    @Test
    void everyFeatureIsFiniteAndNamedInOrder() {
        float[][] rows = new CandidateFeatures(catalog, 0.35).rows(users.user(1), candidates(2, 3, 4, 5));

        assertThat(rows).hasNumberOfRows(4);
        for (float[] row : rows) {
            assertThat(row).hasSize(CandidateFeatures.NAMES.size());
            for (float v : row) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
        // Item 2 is EASE's first among the candidates: its ease-rank is log(1 + 0).
        assertThat(rows[0][CandidateFeatures.NAMES.indexOf("ease-rank")]).isZero();
        // User 1 watched one item: log-user-count is log(2) on every row.
        assertThat(rows[3][CandidateFeatures.NAMES.indexOf("log-user-count")])
                .isCloseTo((float) Math.log(2), org.assertj.core.data.Offset.offset(1e-6f));
    }
}
