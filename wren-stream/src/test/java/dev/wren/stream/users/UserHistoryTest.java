package dev.wren.stream.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.core.features.UserRows;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class UserHistoryTest {
    static final UserFeatureRules RULES = UserFeatureRules.defaults();
    static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror"};
    static final int RECENT = 4;
    static final long GAP = 60;

    @RepeatedTest(40)
    void updatedInPlaceItEqualsTheFeaturesComputedFromScratch(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        // A dataset history (unordered, sometimes newer than the events), then events in one-second groups.
        List<Interaction> base = new ArrayList<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            base.add(interaction(random, 1_000 + random.nextInt(random.nextBoolean() ? 100 : 5_000)));
        }
        UserHistory history = UserHistory.of(base, RULES, RECENT, GAP);
        List<Interaction> all = new ArrayList<>(base);
        long second = 1_000 + random.nextInt(200);
        for (int g = 0; g < 60; g++) {
            second += random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(3) + 1;
            List<Interaction> group = new ArrayList<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                group.add(interaction(random, second));
            }
            group.sort(UserRows.TIME_ORDER);
            history.addGroup(group);
            all.addAll(group);

            assertThat(history.features())
                    .as("after group %d", g)
                    .isEqualTo(UserHistory.fromScratch(all, RULES, RECENT, GAP));
            List<Interaction> sorted = new ArrayList<>(all);
            sorted.sort(UserRows.TIME_ORDER);
            assertThat(history.positives()).isEqualTo(UserRows.positives(sorted, RULES));
            long probe = second - random.nextInt(300);
            assertThat(history.profileBefore(probe).features())
                    .as("as of %d", probe)
                    .isEqualTo(UserProfile.of(
                                    sorted.stream()
                                            .filter(i -> i.timestamp() < probe)
                                            .toList(),
                                    RULES)
                            .features());
        }
    }

    @Test
    void aGroupNewerThanTheHistoryIsAddedInPlaceAndAnOlderOneRecomputes() {
        Random random = new Random(3);
        UserHistory history = UserHistory.of(List.of(interaction(random, 100)), RULES, RECENT, GAP);
        long before = history.rebuilds();
        history.addGroup(List.of(interaction(random, 200)));
        assertThat(history.rebuilds()).isEqualTo(before);
        history.addGroup(List.of(interaction(random, 150)));
        assertThat(history.rebuilds()).isEqualTo(before + 1);
    }

    private static Interaction interaction(Random random, long ts) {
        double rating = random.nextInt(4) == 0 ? Double.NaN : 0.5 + random.nextInt(10) * 0.5;
        List<String> genres = List.of(GENRES[random.nextInt(GENRES.length)]);
        OptionalInt year = random.nextInt(5) == 0 ? OptionalInt.empty() : OptionalInt.of(1980 + random.nextInt(30));
        return new Interaction(1 + random.nextInt(20), rating, ts, year, genres);
    }
}
