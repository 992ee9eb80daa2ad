package dev.wren.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UserRowsTest {
    private static Interaction rating(int item, double rating, long ts) {
        return new Interaction(item, rating, ts, OptionalInt.empty(), List.of("Drama"));
    }

    @Test
    void ordersByTimeThenItemAndKeepsTheSourceOrderOfExactTies() {
        Interaction fromRatings = rating(5, 2.0, 100);
        Interaction fromEvents = rating(5, 4.0, 100);
        List<Interaction> history =
                new ArrayList<>(List.of(rating(9, 4, 100), fromRatings, rating(1, 4, 200), fromEvents));

        history.sort(UserRows.TIME_ORDER);

        assertThat(history).extracting(Interaction::itemId).containsExactly(5, 5, 9, 1);
        assertThat(history.get(0)).isSameAs(fromRatings);
    }

    @Test
    void rowHasTheProfileAndTheEmbeddingOfThePositivesWithVectors() {
        List<Interaction> history = List.of(rating(1, 5, 100), rating(2, 1, 200), rating(3, 4, 100));
        Map<Integer, float[]> vectors = Map.of(1, new float[] {1, 0}, 2, new float[] {0, 1});

        Features row = UserRows.row(history, UserFeatureRules.defaults(), vectors::get, 2);

        assertThat(row.number(FeatureSchema.RATING_COUNT)).hasValue(3);
        assertThat(row.intList(FeatureSchema.RECENT_POSITIVES)).containsExactly(3, 1);
        // Item 2 is not a positive and item 3 has no vector: the embedding is item 1's.
        assertThat(row.vector(FeatureSchema.EMBEDDING))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 0));
        assertThat(UserRows.row(history, UserFeatureRules.defaults(), id -> null, 2)
                        .vector(FeatureSchema.EMBEDDING))
                .isEmpty();
    }
}
