package dev.wren.model.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericField;
import dev.wren.model.data.Sample;
import dev.wren.model.data.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampledNegativesTest {
    private static final FeatureLayout LAYOUT = new FeatureLayout(
            List.of(CategoricalField.ids("userId", Side.USER, 10), CategoricalField.ids("itemId", Side.ITEM, 10)),
            List.of(new NumericField("userActivity", Side.USER), new NumericField("itemPopularity", Side.ITEM)),
            Optional.empty(),
            Optional.of("userId"),
            Optional.of("itemId"));

    /** A rating of {@code item} by {@code user}: the user side carries 10 x user, the item side 100 x item. */
    private static TimedSample rating(int user, int item) {
        return new TimedSample(
                1000,
                user,
                item,
                new Sample(new int[] {user, item}, new float[] {10f * user, 100f * item}, new int[0], 1, 0));
    }

    @Test
    void aNegativeIsAnItemTheUserNeverRatedAskedWithTheFreshSamplesUserSideAndLabelZero() {
        SampledNegatives negatives = new SampledNegatives(LAYOUT, 3, 7);
        negatives.observe(List.of(rating(1, 1), rating(1, 2), rating(2, 3), rating(3, 4)));

        List<Sample> drawn = negatives.draw(List.of(rating(1, 5)));

        assertThat(drawn).hasSize(3).allSatisfy(s -> {
            assertThat(s.label()).isZero();
            assertThat(s.categorical()[0]).isEqualTo(1);
            assertThat(s.numeric()[0]).isEqualTo(10f);
            assertThat(s.categorical()[1]).isIn(3, 4);
            assertThat(s.numeric()[1]).isEqualTo(100f * s.categorical()[1]);
        });
    }

    @Test
    void itemsAreDrawnInProportionToTheirRatingsSoFar() {
        List<TimedSample> history = new ArrayList<>();
        for (int u = 0; u < 9; u++) {
            history.add(rating(u, 1));
        }
        history.add(rating(9, 2));
        SampledNegatives negatives = new SampledNegatives(LAYOUT, 1, 7);
        negatives.observe(history);
        List<TimedSample> newcomer = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // User 99 rated nothing yet, so both items may be drawn.
            newcomer.add(new TimedSample(1000, 99, 9, rating(0, 9).sample()));
        }

        Map<Integer, Long> counts = negatives.draw(newcomer).stream()
                .collect(Collectors.groupingBy(s -> s.categorical()[1], Collectors.counting()));

        assertThat(counts.get(1))
                .as("item 1 has 9 of the 10 ratings: %s", counts)
                .isBetween(1700L, 1900L);
        assertThat(counts.get(2)).isBetween(100L, 300L);
    }

    @Test
    void theSameSeedDrawsTheSameNegatives() {
        Function<Long, List<Integer>> draw = seed -> {
            SampledNegatives n = new SampledNegatives(LAYOUT, 2, seed);
            n.observe(List.of(rating(1, 1), rating(2, 2), rating(3, 3), rating(4, 4)));
            return n.draw(List.of(rating(5, 6), rating(6, 7))).stream()
                    .map(s -> s.categorical()[1])
                    .toList();
        };
        assertThat(draw.apply(3L)).isEqualTo(draw.apply(3L));
    }
}
