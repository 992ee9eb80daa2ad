package dev.wren.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UserProfileTest {
    private static final long DAY = 86_400;
    private static final UserFeatureRules RULES = new UserFeatureRules(3.5, 2, 2, 10, 10);

    private static Interaction rating(int item, double rating, long ts, String... genres) {
        return new Interaction(item, rating, ts, OptionalInt.of(2000 + item), List.of(genres));
    }

    @Test
    void computesTheStatisticsThePositivesAndTheGenreTaste() {
        UserProfile p = UserProfile.of(
                List.of(
                        rating(1, 5, 0, "Drama"),
                        rating(2, 2, DAY, "Comedy"),
                        rating(3, 4, 2 * DAY, "Comedy", "Drama"),
                        rating(4, 4.5, 3 * DAY, "Horror")),
                RULES);

        assertThat(p.ratingCount()).isEqualTo(4);
        assertThat(p.ratingAvg().getAsDouble()).isCloseTo(3.875, within(1e-12));
        assertThat(p.ratingStd().getAsDouble())
                .isCloseTo(
                        Math.sqrt((1.125 * 1.125 + 1.875 * 1.875 + 0.125 * 0.125 + 0.625 * 0.625) / 4), within(1e-12));
        assertThat(p.releaseYearAvg().getAsDouble()).isCloseTo(2002.5, within(1e-9));
        // Only the newest two positives, newest first; the 2-star rating is not a positive.
        assertThat(p.recentPositives()).containsExactly(4, 3);
        // Drama: 0.5^(3/10) + 0.5^(1/10); Horror: 1; Comedy: 0.5^(1/10).
        assertThat(p.topGenres()).containsExactly("Drama", "Horror");
    }

    @Test
    void sameSecondInteractionsArriveTogetherInTheGivenOrder() {
        UserProfile p = new UserProfile(RULES);
        p.addGroup(List.of(rating(7, 4, 100), rating(8, 4, 100), rating(9, 4, 100)));

        assertThat(p.recentPositives()).containsExactly(9, 8);
    }

    @Test
    void aClickIsAPositiveWithoutARating() {
        Interaction click = new Interaction(5, Double.NaN, 10, OptionalInt.empty(), List.of("Sci-Fi"));
        UserProfile p = UserProfile.of(List.of(rating(1, 1, 0), click), RULES);

        assertThat(p.ratingCount()).isEqualTo(1);
        assertThat(p.recentPositives()).containsExactly(5);
        assertThat(p.topGenres()).containsExactly("Sci-Fi");
        Features row = p.features();
        assertThat(row.number(FeatureSchema.RATING_COUNT)).hasValue(1);
        assertThat(row.intList(FeatureSchema.RECENT_POSITIVES)).containsExactly(5);
    }

    @Test
    void aCopyEqualsTheProfileAndGrowsWithoutChangingIt() {
        UserProfile p = UserProfile.of(
                List.of(rating(1, 5, 0, "Drama"), rating(2, 2, DAY, "Comedy"), rating(3, 4, 2 * DAY, "Horror")), RULES);
        Features before = p.features();

        UserProfile copy = p.copy();
        assertThat(copy.features()).isEqualTo(before);
        copy.addGroup(List.of(rating(4, 5, 3 * DAY, "Comedy"), rating(5, 1, 3 * DAY, "Action")));

        assertThat(p.features()).as("the original").isEqualTo(before);
        assertThat(copy.features())
                .isEqualTo(UserProfile.of(
                                List.of(
                                        rating(1, 5, 0, "Drama"),
                                        rating(2, 2, DAY, "Comedy"),
                                        rating(3, 4, 2 * DAY, "Horror"),
                                        rating(4, 5, 3 * DAY, "Comedy"),
                                        rating(5, 1, 3 * DAY, "Action")),
                                RULES)
                        .features());
    }

    @Test
    void theEmbeddingWeightsNewerPositivesMoreAndSkipsItemsWithoutVectors() {
        List<Interaction> positives = List.of(rating(1, 5, 0), rating(2, 5, 10 * DAY), rating(3, 5, 10 * DAY));
        Optional<float[]> v = UserEmbedding.of(
                positives, id -> id == 1 ? new float[] {1, 0} : id == 2 ? new float[] {0, 1} : null, 2, 10);

        // Item 1 is one half-life older than item 2: weights 0.5 and 1.
        assertThat(v).isPresent();
        assertThat((double) v.get()[0]).isCloseTo(0.5 / 1.5, within(1e-6));
        assertThat((double) v.get()[1]).isCloseTo(1 / 1.5, within(1e-6));
        assertThat(UserEmbedding.of(positives, id -> null, 2, 10)).isEmpty();
    }
}
