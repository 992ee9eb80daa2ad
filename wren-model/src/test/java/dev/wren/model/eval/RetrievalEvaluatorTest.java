package dev.wren.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.PlantedSignal;
import dev.wren.model.data.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalEvaluatorTest {
    private static Sample row(int user, int item, float label) {
        return new Sample(new int[] {user, item, 1, 1}, new float[] {0f, item}, new int[4], label, user);
    }

    @Test
    void ranksTheCatalogPerUserAgainstTheirPositives() {
        FeatureLayout layout = PlantedSignal.layout();
        List<Sample> catalog = List.of(row(1, 1, 0), row(1, 2, 0), row(1, 3, 0), row(1, 4, 0));
        // User 1 liked item 3, user 2 liked item 1; the scoring prefers higher item numbers (numeric column 1).
        List<Sample> test = List.of(row(1, 3, 1), row(2, 1, 1), row(2, 2, 0));
        BatchScoring byItemNumber = batch -> {
            float[] s = new float[batch.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = batch.numeric()[i * 2 + 1];
            }
            return s;
        };
        RetrievalMetrics m = RetrievalEvaluator.evaluate(byItemNumber, layout, catalog, test, 2, 100);
        // Ranking is 4, 3, 2, 1 for everyone: user 1 hits at rank 2, user 2 misses the top 2.
        assertThat(m.queries()).isEqualTo(2);
        assertThat(m.recall()).isEqualTo(0.5);
        assertThat(m.ndcg()).isCloseTo((1 / (Math.log(3) / Math.log(2))) / 2, within(1e-12));
    }

    @Test
    void catalogKeepsOneSamplePerItem() {
        List<Sample> catalog =
                RetrievalEvaluator.catalog(PlantedSignal.layout(), List.of(row(1, 3, 0), row(2, 3, 1), row(1, 4, 0)));
        assertThat(catalog).extracting(s -> s.categorical()[1]).containsExactly(3, 4);
    }
}
