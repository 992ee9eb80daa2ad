package dev.wren.model.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.SequenceField;
import dev.wren.model.data.Side;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which two-tower embedding tables train row-sparse: the large ones that a training step looks up only once. */
class TwoTowerTableTest {
    private static FeatureLayout layout(int users, int items, boolean sequence) {
        return new FeatureLayout(
                List.of(CategoricalField.ids("user", Side.USER, users), CategoricalField.ids("item", Side.ITEM, items)),
                List.of(),
                sequence ? Optional.of(new SequenceField("recent", 5)) : Optional.empty(),
                Optional.of("user"),
                Optional.of("item"));
    }

    private static TwoTower twoTower(FeatureLayout layout) {
        return new TwoTower(layout, 32, List.of(64), 32, 0.05f, List.of(), List.of());
    }

    @Test
    void anMl25mSizedTableWithoutRecentItemsTrainsRowSparse() {
        // 162,000 users and 60,000 items at 32 wide: 7.1 million values, updated densely on every step otherwise.
        assertThat(twoTower(layout(162_000, 60_000, false)).embeddings().rowSparse())
                .isTrue();
    }

    @Test
    void withRecentItemsTheItemColumnIsLookedUpTwiceSoTheTableStaysDense() {
        assertThat(twoTower(layout(162_000, 60_000, true)).embeddings().rowSparse())
                .isFalse();
    }

    @Test
    void aSmallTableStaysDenseWhereTheDenseStepIsCheaper() {
        assertThat(twoTower(layout(610, 9_742, false)).embeddings().rowSparse()).isFalse();
    }
}
