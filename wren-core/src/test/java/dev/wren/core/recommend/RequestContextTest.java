package dev.wren.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestContextTest {
    /** A pipeline's richer view: the same user with a per-request score its stages share. */
    private record ScoredUser(UserSnapshot base, double affinity) implements UserView {
        @Override
        public int userId() {
            return base.userId();
        }

        @Override
        public boolean hasSeen(int itemId) {
            return base.hasSeen(itemId);
        }

        @Override
        public int seenCount() {
            return base.seenCount();
        }

        @Override
        public List<Integer> recentPositives() {
            return base.recentPositives();
        }

        @Override
        public List<String> topGenres() {
            return base.topGenres();
        }

        @Override
        public Optional<float[]> embedding() {
            return base.embedding();
        }

        @Override
        public Optional<Features> storeRow() {
            return base.storeRow();
        }

        @Override
        public boolean storeHealthy() {
            return base.storeHealthy();
        }
    }

    @Test
    void aDegradedMarkStaysOnItsOwnRequestAndKeepsTheFirstReason() {
        RequestContext<UserSnapshot> a = RequestContext.unknownUser(RecommendRequest.of(1, 5));
        RequestContext<UserSnapshot> b = RequestContext.unknownUser(RecommendRequest.of(2, 5));

        a.markDegraded("the store is down");
        a.markDegraded("and something else");

        assertThat(a.degraded()).contains("the store is down");
        assertThat(b.degraded()).isEmpty();
    }

    @Test
    void refusesTheViewOfAnotherUser() {
        assertThatThrownBy(() -> new RequestContext<>(RecommendRequest.of(1, 5), UserSnapshot.unknown(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user 1")
                .hasMessageContaining("user 2");
    }

    @Test
    void aStageOnTheRicherViewReadsItAndAPlainStageServesBoth() {
        Retriever<ScoredUser> byAffinity =
                (ctx, budget) -> List.of(new Candidate(7, "affinity", ctx.user().affinity(), "close to you"));
        Ranker<UserView> unseenFirst = (ctx, candidates) -> candidates.stream()
                .map(c -> new ScoredItem(c.itemId(), ctx.user().hasSeen(c.itemId()) ? 0 : 1, c.channel(), c.reason()))
                .toList();
        ScoredUser user = new ScoredUser(
                new UserSnapshot(3, Set.of(7), List.of(7), List.of("Drama"), Optional.empty(), true), 0.25);
        RequestContext<ScoredUser> ctx = new RequestContext<>(RecommendRequest.of(3, 1), user);

        List<Candidate> candidates = byAffinity.retrieve(ctx, 1);
        Ranker<? super ScoredUser> ranker = unseenFirst;

        assertThat(candidates).extracting(Candidate::recallScore).containsExactly(0.25);
        assertThat(ranker.rank(ctx, candidates)).extracting(ScoredItem::score).containsExactly(0.0);
        assertThat(byAffinity.idle()).isFalse();
    }

    @Test
    void aSnapshotIsColdUntilItHasHistoryOrAnEmbedding() {
        Features withEmbedding = Features.builder()
                .vector(FeatureSchema.EMBEDDING, new float[] {1, 0})
                .build();

        assertThat(UserSnapshot.unknown(1).isCold()).isTrue();
        assertThat(new UserSnapshot(1, Set.of(4), List.of(), List.of(), Optional.empty(), true).isCold())
                .isFalse();
        assertThat(new UserSnapshot(1, Set.of(), List.of(), List.of(), Optional.of(withEmbedding), true).isCold())
                .isFalse();
    }

    @Test
    void aRowCannotComeFromAStoreThatDidNotAnswer() {
        assertThatThrownBy(
                        () -> new UserSnapshot(1, Set.of(), List.of(), List.of(), Optional.of(Features.empty()), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
