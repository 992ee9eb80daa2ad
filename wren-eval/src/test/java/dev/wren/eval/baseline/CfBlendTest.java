package dev.wren.eval.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.core.eval.TopKResult;
import dev.wren.eval.TestSpark;
import dev.wren.eval.TopKEvaluator;
import dev.wren.eval.data.ItemSpace;
import dev.wren.eval.data.RatingLog;
import dev.wren.eval.data.TrainingData;
import dev.wren.offline.cf.AlsParams;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CfBlendTest {
    @Test
    void scoringEveryWeightInOnePassGivesWhatEachBlendScoresAlone() {
        // Two taste groups of 15 users over items 1-12, each user holding out one item of its group.
        Random random = new Random(7);
        RatingLog.Builder train = RatingLog.builder();
        RatingLog.Builder test = RatingLog.builder();
        for (int u = 1; u <= 30; u++) {
            int base = u <= 15 ? 1 : 7;
            int heldOut = base + random.nextInt(6);
            for (int i = base; i < base + 6; i++) {
                if (i == heldOut) {
                    test.add(u, i, 4, 100);
                } else if (random.nextDouble() < 0.8) {
                    train.add(u, i, 4, i);
                }
            }
            train.add(u, 13 + random.nextInt(3), 3, 50);
        }
        TrainingData data = new TrainingData(
                train.build(),
                new ItemSpace(
                        java.util.stream.IntStream.rangeClosed(1, 16).boxed().toList()));
        TopKEvaluator validation = new TopKEvaluator(data, test.build(), new int[] {5, 10});
        EaseRecommender ease = new EaseRecommender(data, 10.0, 1, Baselines.EASE_MAX_ITEMS);
        AlsRecommender als = new AlsRecommender(
                TestSpark.session(), train.build(), data, AlsParams.defaults(42).withRegParam(0.1));
        double[] weights = {0.2, 0.5, 0.8};

        List<Map<Integer, TopKResult>> together = CfBlend.evaluate(validation, ease, als, weights);

        assertThat(together).hasSize(3);
        for (int i = 0; i < weights.length; i++) {
            Map<Integer, TopKResult> alone = validation.evaluate(new CfBlend(data, ease, als, weights[i]));
            for (int k : new int[] {5, 10}) {
                // Users are summed in parallel, in any order: equal up to rounding.
                TopKResult a = alone.get(k);
                TopKResult b = together.get(i).get(k);
                assertThat(b.users()).isEqualTo(a.users());
                assertThat(b.ndcg()).as("NDCG@%d at weight %s", k, weights[i]).isCloseTo(a.ndcg(), within(1e-9));
                assertThat(b.recall()).isCloseTo(a.recall(), within(1e-9));
                assertThat(b.coverage()).isCloseTo(a.coverage(), within(1e-9));
            }
        }
        assertThat(together.get(1).get(10).ndcg()).isGreaterThan(0);
    }
}
