package dev.wren.serving.data;

import static dev.wren.serving.Fixtures.catalog;
import static dev.wren.serving.Fixtures.item;
import static dev.wren.serving.Fixtures.ratings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.core.model.Item;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfModelTest {
    private final Catalog catalog = catalog(
            ratings(new double[][] {{1, 1, 4}}),
            item(1, 1990, "A"),
            item(2, 1990, "A"),
            item(3, 1990, "B"),
            item(4, 1990, "B"));

    /** Item 1 points to 2 (+0.5) and 3 (-0.25); item 2 to 3 (+1); ALS factors on items 1, 2 and 4. */
    private CfModel model() {
        Map<Integer, Features> rows = Map.of(
                1,
                Features.builder()
                        .intList(FeatureSchema.CF_NEIGHBOURS, List.of(2, 3, 99))
                        .floatList(FeatureSchema.CF_WEIGHTS, new float[] {0.5f, -0.25f, 9f})
                        .vector(FeatureSchema.CF_FACTORS, new float[] {1, 0})
                        .build(),
                2,
                Features.builder()
                        .intList(FeatureSchema.CF_NEIGHBOURS, List.of(3))
                        .floatList(FeatureSchema.CF_WEIGHTS, new float[] {1f})
                        .vector(FeatureSchema.CF_FACTORS, new float[] {0, 2})
                        .build(),
                4,
                Features.builder()
                        .vector(FeatureSchema.CF_FACTORS, new float[] {1, 1})
                        .build());
        return CfModel.from(rows, catalog.slots());
    }

    private int slot(int id) {
        return catalog.slots().slot(id);
    }

    /** Whether the item in a slot is one of these history items. */
    private static java.util.function.IntPredicate history(Catalog catalog, int... ids) {
        java.util.Set<Integer> slots = new java.util.HashSet<>();
        for (int id : ids) {
            slots.add(catalog.slots().slot(id));
        }
        return slots::contains;
    }

    @Test
    void sumsTheRowsOfTheHistoryAndFindsTheStrongestReason() {
        CfModel.EaseScores s = model().easeScores(new int[] {1, 2, 77});

        assertThat(s.score(slot(2))).isEqualTo(0.5f);
        assertThat(s.score(slot(3))).isEqualTo(0.75f);
        assertThat(s.score(slot(4))).isZero();
        assertThat(s.touched()).containsExactlyInAnyOrder(slot(2), slot(3));
        assertThat(model().easeScores(new int[] {2, 1}).because(new int[] {slot(2), slot(3)}, history(catalog, 2, 1)))
                .as("only positive weights give a reason")
                .containsExactly(slot(1), slot(2));
        assertThat(s.because(new int[] {slot(3), slot(4), slot(2), slot(3)}, history(catalog, 1, 2, 77)))
                .as("item 2 gives 3 its largest weight; no row points to 4")
                .containsExactly(slot(2), IdSlots.NONE, slot(1), slot(2));
        assertThat(model().neighbourRows()).isEqualTo(2);
    }

    @Test
    void aReasonIsOneOfTheItemsStrongestSourcesOrNone() {
        // Items 1..33 each point to item 100 with weight equal to their id: 33 sources, one more than are kept.
        int sources = CfModel.STRONGEST_SOURCES + 1;
        Item[] items = new Item[sources + 1];
        Map<Integer, Features> rows = new java.util.HashMap<>();
        for (int id = 1; id <= sources; id++) {
            items[id - 1] = item(id, 1990, "A");
            rows.put(
                    id,
                    Features.builder()
                            .intList(FeatureSchema.CF_NEIGHBOURS, List.of(100))
                            .floatList(FeatureSchema.CF_WEIGHTS, new float[] {id})
                            .build());
        }
        items[sources] = item(100, 1990, "A");
        Catalog many = catalog(ratings(new double[][] {{1, 1, 4}}), items);
        CfModel cf = CfModel.from(rows, many.slots());
        int[] target = {many.slots().slot(100)};

        assertThat(cf.easeScores(new int[] {1}).because(target, history(many, 1)))
                .as("item 1 gives the weakest weight, outside the strongest 32")
                .containsExactly(IdSlots.NONE);
        assertThat(cf.easeScores(new int[] {1}).score(target[0])).isEqualTo(1f);
        assertThat(cf.easeScores(new int[] {1, 2, 5}).because(target, history(many, 1, 2, 5)))
                .containsExactly(many.slots().slot(5));
    }

    @Test
    void easeMomentsLeaveTheSeenItemsOut() {
        CfModel.EaseScores s = model().easeScores(new int[] {1});
        // Unseen: items 2, 3, 4 with scores 0.5, -0.25, 0.
        double[] m = s.moments(new int[] {slot(1)});

        double mean = (0.5 - 0.25) / 3;
        double var = (0.25 + 0.0625) / 3 - mean * mean;
        assertThat(m[0]).isCloseTo(mean, within(1e-9));
        assertThat(m[1]).isCloseTo(Math.sqrt(var), within(1e-9));
    }

    @Test
    void factorMomentsMatchScoringEveryUnseenItem() {
        CfModel cf = model();
        float[] user = {2, 1};
        // Items with factors: 1 -> 2, 2 -> 2, 4 -> 3; item 1 is seen.
        double[] m = cf.factorScoreMoments(user, new int[] {slot(1)});

        assertThat(cf.factorScore(user, slot(4))).isEqualTo(3f);
        assertThat(cf.factorScore(user, slot(3))).isNaN();
        assertThat(m[0]).isCloseTo(2.5, within(1e-9));
        assertThat(m[1]).isCloseTo(0.5, within(1e-9));
        assertThat(cf.rank()).isEqualTo(2);
        assertThat(cf.factorCount()).isEqualTo(3);
    }

    @Test
    void anEmptyModelScoresNothing() {
        CfModel empty = CfModel.empty(catalog.slots());

        assertThat(empty.easeScores(new int[] {1, 2}).touched()).isEmpty();
        assertThat(empty.factorCount()).isZero();
    }
}
