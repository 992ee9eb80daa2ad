package dev.wren.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.core.eval.TopKResult;
import dev.wren.eval.baseline.Popularity;
import dev.wren.eval.baseline.TopKRecommender;
import dev.wren.eval.data.ItemSpace;
import dev.wren.eval.data.RatingLog;
import dev.wren.eval.data.TrainingData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopKEvaluatorTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /** Items 1..5; item 1 most popular. User 1 trained on 1, 2; user 2 on 1; user 3 only held out. */
    private static TrainingData train() {
        RatingLog train = RatingLog.builder()
                .add(1, 1, 5, 1)
                .add(1, 2, 4, 2)
                .add(2, 1, 3, 3)
                .add(4, 1, 3, 3)
                .add(4, 3, 3, 3)
                .build();
        return new TrainingData(train, new ItemSpace(List.of(1, 2, 3, 4, 5)));
    }

    private static RatingLog test() {
        return RatingLog.builder()
                .add(1, 3, 1, 9)
                .add(2, 5, 4, 9)
                .add(2, 2, 4, 9)
                .add(3, 4, 4, 9)
                .build();
    }

    @Test
    void scoresOnlyUsersWithTrainingAndHeldOutRatings() {
        TopKEvaluator evaluator = new TopKEvaluator(train(), test(), new int[] {1, 2});

        assertThat(evaluator.users()).containsExactly(1, 2);
    }

    @Test
    void popularityLeavesOutTrainingItemsAndScoresByHand() {
        TopKEvaluator evaluator = new TopKEvaluator(train(), test(), new int[] {1, 2});
        TopKRecommender popularity = new Popularity(train());

        assertThat(popularity.recommend(1, 2)).containsExactly(3, 4);
        assertThat(popularity.recommend(2, 2)).containsExactly(2, 3);
        Map<Integer, TopKResult> r = evaluator.evaluate(popularity);
        // User 1: held out {3}, list [3, 4]: a hit at 1. User 2: held out {2, 5}, list [2, 3]: a hit at 1 of 2.
        assertThat(r.get(1).ndcg()).isCloseTo(1, within(1e-12));
        assertThat(r.get(2).ndcg()).isCloseTo((1 + 1 / (1 + 1 / LOG2_3)) / 2, within(1e-12));
        assertThat(r.get(2).recall()).isCloseTo((1 + 0.5) / 2, within(1e-12));
        assertThat(r.get(2).coverage()).isCloseTo(3.0 / 5, within(1e-12));
    }
}
