package dev.wren.stream.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.features.Interaction;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RecentActivityTest {
    private static Interaction at(int item, long ts) {
        return new Interaction(item, 4.0, ts, OptionalInt.empty(), List.of());
    }

    @Test
    void keepsTheNewestItemsWithTheirAgesAndTheLastSession() {
        List<Interaction> history = List.of(at(1, 100), at(2, 5_000), at(3, 5_600), at(4, 6_000), at(5, 6_000));

        Features f = RecentActivity.of(history, 3, 1_800);

        assertThat(f.intList(FeatureSchema.RECENT_ITEMS)).containsExactly(5, 4, 3);
        assertThat(f.intList(FeatureSchema.RECENT_ITEM_AGES)).containsExactly(0, 0, 400);
        assertThat(f.number(FeatureSchema.LAST_EVENT_TIME)).hasValue(6_000);
        // 100 -> 5000 is a gap longer than 30 minutes: the session starts at 5000.
        assertThat(f.number(FeatureSchema.SESSION_EVENTS)).hasValue(4);
        assertThat(f.number(FeatureSchema.SESSION_START)).hasValue(5_000);
    }

    @Test
    void aLoneInteractionIsASessionOfOne() {
        Features f = RecentActivity.of(List.of(at(9, 42)), 20, 1_800);

        assertThat(f.intList(FeatureSchema.RECENT_ITEMS)).containsExactly(9);
        assertThat(f.number(FeatureSchema.SESSION_EVENTS)).hasValue(1);
        assertThat(RecentActivity.of(List.of(), 20, 1_800).isEmpty()).isTrue();
    }
}
