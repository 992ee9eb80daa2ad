package dev.wren.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.InMemorySampleSource;
import dev.wren.model.data.PlantedSignal;
import dev.wren.model.data.Sample;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetrievalEvaluatorTest {
    private static final FeatureLayout LAYOUT = PlantedSignal.layout();

    /** A row of the planted layout: user, item, genres 1, numerics (0, item), the given recent items. */
    private static Sample row(int user, int item, float label, int... recent) {
        int[] sequence = new int[PlantedSignal.HISTORY];
        System.arraycopy(recent, 0, sequence, 0, recent.length);
        return new Sample(new int[] {user, item, 1, 1}, new float[] {0f, item}, sequence, label, user);
    }

    private static InMemorySampleSource source(Sample... rows) {
        return new InMemorySampleSource(LAYOUT, List.of(rows));
    }

    /** Prefers higher item numbers (numeric column 1). */
    private static final BatchScoring BY_ITEM_NUMBER = batch -> {
        float[] s = new float[batch.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = batch.numeric()[i * 2 + 1];
        }
        return s;
    };

    @Test
    void findsEachUsersHeldOutItemsAmongAllItemsLeavingOutTheirSeenOnes() {
        // Items 1..4 exist; user 1 saw 4 and holds out 3; user 2 saw 1 and holds out 2 (a disliked one: still found).
        RetrievalTask task = RetrievalTask.of(
                LAYOUT,
                List.of(source(row(1, 4, 1), row(2, 1, 1), row(3, 3, 1))),
                source(row(1, 3, 1), row(2, 2, 0)),
                100);
        assertThat(task.catalogItems(LAYOUT)).containsExactly(1, 2, 3, 4);
        assertThat(task.queries()).extracting(RetrievalTask.Query::user).containsExactly(1L, 2L);
        assertThat(task.queries().get(0).excluded()).containsExactly(4);

        RetrievalMetrics m = RetrievalEvaluator.evaluate(BY_ITEM_NUMBER, LAYOUT, task);

        // User 1's ranking without item 4 is 3, 2, 1: a hit at rank 1. User 2's is 4, 3, 2: a hit at rank 3.
        assertThat(m.queries()).isEqualTo(2);
        assertThat(m.recallAt10()).isEqualTo(1.0);
        assertThat(m.recallAt50()).isEqualTo(1.0);
        assertThat(m.ndcgAt10()).isCloseTo((1 + 1 / (Math.log(4) / Math.log(2))) / 2, within(1e-12));
    }

    @Test
    void queriesWithTheHeldOutRowThatKnowsLeastOfTheHeldOutItems() {
        // User 1 holds out items 2 and 3; the row of item 2 already has item 3 among its recent items, so it is
        // later than the row of item 3, whose recent items are from training only: that one is the query, in any order.
        Sample knowsItem3 = row(1, 2, 1, 3, 1);
        Sample knowsNone = row(1, 3, 1, 1);
        for (List<Sample> heldOut : List.of(List.of(knowsItem3, knowsNone), List.of(knowsNone, knowsItem3))) {
            RetrievalTask task = RetrievalTask.of(
                    LAYOUT, List.of(source(row(1, 1, 1))), new InMemorySampleSource(LAYOUT, heldOut), 100);
            assertThat(task.queries()).hasSize(1);
            assertThat(task.queries().get(0).features().categorical()).containsExactly(knowsNone.categorical());
            assertThat(task.queries().get(0).features().sequence()).containsExactly(knowsNone.sequence());
            assertThat(task.queries().get(0).relevant()).containsExactly(2, 3);
            assertThat(task.queries().get(0).excluded()).containsExactly(1);
        }
    }

    @Test
    void popularityRanksByInteractionsInTheSeenSamplesTiesByLowerItem() {
        Sample[] seen = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> row(10 + i, i <= 6 ? 5 : i - 5, 1))
                .toArray(Sample[]::new);
        // Item 5 is seen 7 times, items 2..7 but 5 once each; user 1 holds out item 2 and item 9 (never seen).
        RetrievalTask task = RetrievalTask.of(LAYOUT, List.of(source(seen)), source(row(1, 2, 1), row(1, 9, 1)), 100);
        RetrievalMetrics m = RetrievalEvaluator.popularity(LAYOUT, task);
        // Ranking 5, 2, 3, 4, 6, 7, 9: item 2 at rank 2 and item 9 at rank 7.
        double dcg = 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(8) / Math.log(2));
        double ideal = 1 + 1 / (Math.log(3) / Math.log(2));
        assertThat(m.recallAt10()).isEqualTo(1.0);
        assertThat(m.ndcgAt10()).isCloseTo(dcg / ideal, within(1e-12));
    }

    @Test
    void topKeepsTheBestFiftyInOrderAndBreaksTiesByCataloguePosition() {
        float[] scores = new float[120];
        int[] items = new int[120];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i % 7;
            items[i] = i + 1;
        }
        int[] top = RetrievalEvaluator.top(scores, items, new int[] {7});
        assertThat(top).hasSize(50);
        // Score 6 at positions 6, 13, 20, ... (item 7 = position 6 left out), then score 5 from position 5 on.
        assertThat(top).startsWith(13, 20, 27);
        assertThat(top[16]).isEqualTo(5);
    }
}
