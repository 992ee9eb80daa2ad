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

    @Test
    void theBlendIsChosenByItsMeanOverEveryCarvingAmongTheFirstCarvingsFinalists() {
        List<Baselines.Carving> carvings = List.of(carving(7), carving(8));
        TuningGrid grid = new TuningGrid(
                new double[] {10}, new double[] {}, new double[] {0.1, 1}, new double[] {1, 10}, new double[] {
                    0.2, 0.5, 0.8
                });
        Baselines baselines = new Baselines(TestSpark.session(), 42, grid);
        TopKEvaluator first = carvings.get(0).validation();
        baselines.tuneEdlae(first, baselines.tuneEase(first));
        baselines.tuneAls(first, carvings.get(0).fit(), new AlsParams(8, 0.1, 1, 3, 42));

        Baselines.Blend blend = baselines.tuneBlend(carvings);

        // Four EASE-ALS pairs at three weights: the best three pairs are scored on both carvings, the fourth on one.
        List<Baselines.Trial> blends = baselines.trials().stream()
                .filter(t -> t.baseline().equals("EASE+ALS"))
                .toList();
        assertThat(blends).hasSize(12);
        List<Baselines.Trial> means = blends.stream()
                .filter(t -> t.setting().endsWith("(mean of 2 carvings)"))
                .toList();
        assertThat(means).hasSize(3 * Baselines.BLEND_FINALISTS);
        assertThat(blends)
                .filteredOn(t -> t.setting().endsWith("(first carving)"))
                .hasSize(3);
        double best = means.stream()
                .mapToDouble(Baselines.Trial::validationNdcg)
                .max()
                .orElseThrow();
        String chosen = "weight " + blend.easeWeight() + ", ALS regParam "
                + blend.als().regParam() + ", alpha " + blend.als().alpha() + " (mean";
        assertThat(means)
                .filteredOn(t -> t.setting().contains(chosen))
                .singleElement()
                .extracting(Baselines.Trial::validationNdcg)
                .isEqualTo(best);
    }

    /** Two taste groups of 15 users over items 1-12, a third of each user's group items held out, drawn by {@code seed}. */
    private static Baselines.Carving carving(long seed) {
        Random random = new Random(seed);
        RatingLog.Builder train = RatingLog.builder();
        RatingLog.Builder test = RatingLog.builder();
        for (int u = 1; u <= 30; u++) {
            int base = u <= 15 ? 1 : 7;
            for (int i = base; i < base + 6; i++) {
                if (random.nextInt(3) == 0) {
                    test.add(u, i, 4, 100);
                } else {
                    train.add(u, i, 4, i);
                }
            }
        }
        RatingLog fit = train.build();
        TrainingData data = new TrainingData(
                fit,
                new ItemSpace(
                        java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList()));
        return new Baselines.Carving(new TopKEvaluator(data, test.build(), new int[] {10}), fit);
    }
}
