package dev.wren.serving.data;

import static dev.wren.serving.Fixtures.ratings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoOccurrenceTest {
    @Test
    void scoresItemsLikedByTheSamePeopleByCosineOfTheirUserSets() {
        RatingsIndex r = ratings(new double[][] {
            {1, 10, 5},
            {1, 20, 4},
            {1, 30, 1}, // 30 is disliked: not a positive
            {2, 10, 5},
            {2, 20, 5},
            {3, 10, 4},
            {3, 40, 4},
        });
        CoOccurrence co = CoOccurrence.build(r, 4.0, 100, 10);
        // 10 is liked by 3 users, 20 by 2, together by 2: 2 / sqrt(3 * 2).
        assertThat(co.neighbours(20)).first().satisfies(n -> {
            assertThat(n.itemId()).isEqualTo(10);
            assertThat(n.score()).isCloseTo(2 / Math.sqrt(6), org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(co.neighbours(10)).extracting(CoOccurrence.Neighbour::itemId).containsExactly(20, 40);
        assertThat(co.neighbours(30)).isEmpty();
    }

    @Test
    void keepsOnlyTheAskedNumberOfNeighbours() {
        RatingsIndex r = ratings(new double[][] {{1, 1, 5}, {1, 2, 5}, {1, 3, 5}, {1, 4, 5}});
        assertThat(CoOccurrence.build(r, 4.0, 100, 2).neighbours(1)).hasSize(2);
    }
}
