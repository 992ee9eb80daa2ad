package dev.wren.eval.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.eval.data.RatingLog;
import dev.wren.eval.data.UserIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitterTest {
    /** 20 users; user u has u + 1 ratings, item i at time 1000 * i (ties for user 7 at the end). */
    private static RatingLog log() {
        RatingLog.Builder b = RatingLog.builder();
        for (int u = 1; u <= 20; u++) {
            for (int i = 1; i <= u + 1; i++) {
                long ts = u == 7 && i > 6 ? 6000 : 1000L * i + u;
                b.add(u, i, 1 + i % 5, ts);
            }
        }
        return b.build();
    }

    private static Set<Long> pairs(RatingLog log) {
        Set<Long> out = new HashSet<>();
        for (int r = 0; r < log.size(); r++) {
            out.add((long) log.user(r) << 32 | log.item(r));
        }
        return out;
    }

    @Test
    void randomHoldoutIsDisjointCompleteAndKeepsEveryUserTraining() {
        RatingLog all = log();
        Split s = Splitter.split(all, SplitSpec.defaults(SplitMethod.RANDOM, 42));

        Set<Long> train = pairs(s.train());
        Set<Long> test = pairs(s.test());
        assertThat(train).doesNotContainAnyElementsOf(test);
        assertThat(train.size() + test.size()).isEqualTo(all.size());
        UserIndex trainUsers = new UserIndex(s.train());
        assertThat(trainUsers.userCount()).isEqualTo(20);
        // round(n * 0.2) of each user's n ratings, at most n - 1.
        UserIndex testUsers = new UserIndex(s.test());
        for (int u = 1; u <= 20; u++) {
            int n = u + 1;
            long expected = Math.min(n - 1, Math.round(n * 0.2));
            assertThat(testUsers.itemsOf(u)).hasSize((int) expected);
        }
    }

    @Test
    void randomHoldoutRepeatsForASeedAndChangesWithIt() {
        RatingLog all = log();
        Split a = Splitter.split(all, SplitSpec.defaults(SplitMethod.RANDOM, 42));
        Split b = Splitter.split(all, SplitSpec.defaults(SplitMethod.RANDOM, 42));
        Split c = Splitter.split(all, SplitSpec.defaults(SplitMethod.RANDOM, 43));

        assertThat(pairs(a.test())).isEqualTo(pairs(b.test()));
        assertThat(pairs(a.test())).isNotEqualTo(pairs(c.test()));
    }

    @Test
    void leaveLastNHoldsOutEachUsersNewestRatings() {
        Split s = Splitter.split(log(), new SplitSpec(SplitMethod.LAST, 0.2, 3, 1));

        UserIndex test = new UserIndex(s.test());
        // Users with at most 3 ratings keep them all for training.
        assertThat(test.itemsOf(1)).isEmpty();
        assertThat(test.itemsOf(2)).isEmpty();
        assertThat(test.itemsOf(3)).containsExactly(2, 3, 4);
        assertThat(test.itemsOf(20)).containsExactly(19, 20, 21);
        // Same-second ratings are ordered by item id.
        assertThat(test.itemsOf(7)).containsExactly(6, 7, 8);
        assertThat(pairs(s.train())).doesNotContainAnyElementsOf(pairs(s.test()));
    }

    @Test
    void timeSplitHoldsOutTheLatestRatingsOfUsersSeenBeforeTheCut() {
        RatingLog.Builder b = RatingLog.builder();
        for (int i = 0; i < 8; i++) {
            b.add(1, i, 4, 100 + i);
        }
        b.add(2, 50, 4, 200); // only after the cut: dropped
        b.add(2, 51, 4, 201);
        Split s = Splitter.split(b.build(), new SplitSpec(SplitMethod.TIME, 0.3, 1, 1));

        assertThat(s.droppedUsers()).isEqualTo(1);
        long cut = Long.MIN_VALUE;
        for (int r = 0; r < s.train().size(); r++) {
            cut = Math.max(cut, s.train().timestamp(r));
        }
        for (int r = 0; r < s.test().size(); r++) {
            assertThat(s.test().timestamp(r)).isGreaterThan(cut);
            assertThat(s.test().user(r)).isEqualTo(1);
        }
        assertThat(s.test().size()).isPositive();
        assertThat(s.train().size() + s.test().size()).isEqualTo(8);
    }

    @Test
    void validationIsCarvedFromTrainingWithTheNextSeed() {
        SplitSpec spec = SplitSpec.defaults(SplitMethod.RANDOM, 42);
        Split test = Splitter.split(log(), spec);
        Split validation = Splitter.split(test.train(), spec.forValidation());

        assertThat(spec.forValidation().seed()).isEqualTo(43);
        assertThat(pairs(test.train())).containsAll(pairs(validation.train())).containsAll(pairs(validation.test()));
        assertThat(pairs(validation.test())).doesNotContainAnyElementsOf(pairs(test.test()));
    }

    @Test
    void aRandomSplitHasThreeDistinctValidationCarvingsAndATimeSplitOne() {
        SplitSpec spec = SplitSpec.defaults(SplitMethod.RANDOM, 42);
        Split test = Splitter.split(log(), spec);
        List<Set<Long>> held = new ArrayList<>();
        for (int n = 0; n < spec.validationCarvings(); n++) {
            Split carving = Splitter.split(test.train(), spec.forValidation(n));
            assertThat(pairs(test.train())).containsAll(pairs(carving.test()));
            held.add(pairs(carving.test()));
        }

        assertThat(spec.validationCarvings()).isEqualTo(3);
        assertThat(spec.forValidation(0)).isEqualTo(spec.forValidation());
        assertThat(held).doesNotHaveDuplicates();
        assertThat(SplitSpec.defaults(SplitMethod.LAST, 42).validationCarvings())
                .isEqualTo(1);
        assertThat(SplitSpec.defaults(SplitMethod.TIME, 42).validationCarvings())
                .isEqualTo(1);
    }
}
