package dev.wren.serving.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.IdSlots;
import dev.wren.serving.data.UserRatings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserContextTest {
    /** A catalogue of these ids; the tests' other seen ids are outside it, and found by search instead. */
    private static final IdSlots CATALOGUE = new IdSlots(new int[] {0, 4, 5, 6, 63, 64, 65, 70_000, 193_608, 193_609});

    private static UserContext context(int[] rated, Set<Integer> live) {
        return context(rated, live, Optional.empty(), true);
    }

    private static UserContext context(int[] rated, Set<Integer> live, Optional<Features> row, boolean healthy) {
        return new UserContext(
                1,
                new UserRatings(rated, new float[rated.length], new long[rated.length]),
                live,
                List.of(),
                List.of(),
                row,
                healthy,
                CATALOGUE,
                CfModel.empty(CATALOGUE));
    }

    @Test
    void seesRatedAndLiveItemsAndNothingElse() {
        UserContext user = context(new int[] {5, 64, 193_609, 200_000}, Set.of(63, 70_000, 1));
        for (int id : new int[] {5, 64, 193_609, 63, 70_000, 200_000, 1}) {
            assertTrue(user.hasSeen(id), "item " + id);
        }
        for (int id : new int[] {0, 4, 6, 65, 193_608, 193_610, 1 << 30, -5}) {
            assertFalse(user.hasSeen(id), "item " + id);
        }
    }

    @Test
    void askedBySlotItAnswersAsByIdForEveryCatalogueItem() {
        UserContext user = context(new int[] {5, 64, 193_609, 200_000}, Set.of(63, 70_000, 1));
        for (int id : new int[] {0, 4, 5, 6, 63, 64, 65, 70_000, 193_608, 193_609}) {
            assertThat(user.hasSeenAt(CATALOGUE.slot(id))).as("item " + id).isEqualTo(user.hasSeen(id));
        }
    }

    @Test
    void seesItemsOutsideTheCatalogue() {
        UserContext user = context(new int[] {7, 2_000_000_000}, Set.of(-3));
        assertTrue(user.hasSeen(2_000_000_000));
        assertTrue(user.hasSeen(7));
        assertTrue(user.hasSeen(-3));
        assertFalse(user.hasSeen(8));
    }

    @Test
    void aUserWithNoHistorySeesNothing() {
        UserContext user = context(new int[0], Set.of());
        assertFalse(user.hasSeen(0));
        assertFalse(user.hasSeen(1));
    }

    @Test
    void theEmbeddingAndTheFactorsComeFromTheStoreRowReadForTheRequest() {
        Features row = Features.builder()
                .vector(FeatureSchema.EMBEDDING, new float[] {1, 2})
                .vector(FeatureSchema.CF_FACTORS, new float[] {3})
                .build();

        UserContext user = context(new int[0], Set.of(), Optional.of(row), true);

        assertThat(user.storeRow()).containsSame(row);
        assertThat(user.embedding()).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2));
        assertThat(user.cfFactors()).hasValueSatisfying(v -> assertThat(v).containsExactly(3));
        assertThat(user.known()).isTrue();
        assertThat(user.isCold()).isFalse();
    }

    @Test
    void aUserTheStoreCouldNotBeAskedAboutIsKnownFromTheRatingsAlone() {
        UserContext rated = context(new int[] {5}, Set.of(), Optional.empty(), false);
        UserContext unrated = context(new int[0], Set.of(), Optional.empty(), false);

        assertThat(rated.storeHealthy()).isFalse();
        assertThat(rated.known()).isTrue();
        assertThat(unrated.known()).isFalse();
        assertThat(unrated.isCold()).isTrue();
        assertThatThrownBy(() -> context(new int[0], Set.of(), Optional.of(Features.empty()), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
