package dev.wren.stream.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.features.Interaction;
import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.core.features.UserRows;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.stream.users.UserHistory.Timed;
import java.util.ArrayList;
import java.util.Collections;
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
    void eventsAddedInAnyOrderGiveTheFeaturesOfTheirSetComputedFromScratch(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        // A dataset history (unordered, sometimes newer than the events), then events: several in one second, some
        // twice, arriving up to 5 s out of order.
        List<Interaction> dataset = new ArrayList<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            dataset.add(interaction(random, 1_000 + random.nextInt(random.nextBoolean() ? 100 : 5_000)));
        }
        List<Timed> events = new ArrayList<>();
        long millis = (1_000 + random.nextInt(200)) * 1000L;
        for (int n = 0; n < 80; n++) {
            millis += random.nextInt(4) == 0 ? random.nextInt(200_000) : random.nextInt(1_500);
            if (n > 0 && random.nextInt(15) == 0) {
                events.add(events.get(random.nextInt(events.size()))); // the same event twice
            } else {
                events.add(event(interaction(random, Math.floorDiv(millis, 1000)), millis));
            }
        }
        List<Timed> arrival = shuffledWithin(events, 5_000, random);

        UserHistory history = UserHistory.of(dataset, List.of(), RULES, RECENT, GAP);
        List<Timed> seen = new ArrayList<>();
        for (Timed e : arrival) {
            history.add(e);
            seen.add(e);

            assertThat(history.features())
                    .as("after %d events", seen.size())
                    .isEqualTo(UserHistory.fromScratch(dataset, seen, RULES, RECENT, GAP));
            List<Interaction> all = new ArrayList<>(dataset);
            seen.stream()
                    .sorted(UserHistory.PROFILE_ORDER)
                    .map(Timed::interaction)
                    .forEach(all::add);
            all.sort(UserRows.TIME_ORDER);
            assertThat(history.positives()).isEqualTo(UserRows.positives(all, RULES));
            long probe = e.interaction().timestamp() + 1 - random.nextInt(300);
            assertThat(history.profileBefore(probe).features())
                    .as("as of %d", probe)
                    .isEqualTo(UserProfile.of(
                                    all.stream()
                                            .filter(i -> i.timestamp() < probe)
                                            .toList(),
                                    RULES)
                            .features());
        }
        assertThat(history.events()).isEqualTo(events.size());
        assertThat(history.newestEventMillis())
                .isEqualTo(events.stream().mapToLong(Timed::timeMillis).max().getAsLong());

        UserHistory inOrder = UserHistory.of(dataset, List.of(), RULES, RECENT, GAP);
        events.stream().sorted(UserHistory.TIME_ORDER).forEach(inOrder::add);
        assertThat(history.features()).as("out of order and in order").isEqualTo(inOrder.features());
        assertThat(UserHistory.of(dataset, arrival, RULES, RECENT, GAP).features())
                .as("rebuilt from state after a restore")
                .isEqualTo(inOrder.features());
    }

    @Test
    void aNewerSecondAndALateMemberOfTheNewestSecondAreAddedInPlaceAndAnOlderSecondRecomputes() {
        Random random = new Random(3);
        UserHistory history = UserHistory.of(List.of(interaction(random, 100)), List.of(), RULES, RECENT, GAP);
        history.add(event(interaction(random, 200), 200_700));
        history.add(event(interaction(random, 200), 200_300));
        assertThat(history.rebuilds()).isZero();

        history.add(event(interaction(random, 150), 150_000));
        assertThat(history.rebuilds()).isEqualTo(1);
    }

    @Test
    void recentItemsAreInTheOrderThingsHappenedWithinASecondAndTheProfileInItemOrderAsEveryTierHasIt() {
        UserHistory history = UserHistory.of(List.of(), List.of(), RULES, RECENT, GAP);
        history.add(event(click(2, 100), 100_100));
        history.add(event(click(1, 100), 100_900));

        Features row = history.features();
        assertThat(row.intList(FeatureSchema.RECENT_ITEMS)).containsExactly(1, 2);
        assertThat(row.intList(FeatureSchema.RECENT_POSITIVES)).containsExactly(2, 1);
    }

    /** {@code events} in an order where each is at most {@code boundMillis} behind the newest before it. */
    private static List<Timed> shuffledWithin(List<Timed> events, long boundMillis, Random random) {
        List<Timed> out = new ArrayList<>(events);
        Collections.shuffle(out, random);
        // Sorting by time less a random delay up to the bound keeps every event within the bound of the newest.
        List<long[]> keys = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            keys.add(new long[] {out.get(i).timeMillis() - random.nextInt((int) boundMillis), i});
        }
        keys.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Timed> arrival = new ArrayList<>();
        keys.forEach(k -> arrival.add(out.get((int) k[1])));
        return arrival;
    }

    private static Timed event(Interaction i, long millis) {
        return Timed.event(i, millis, millis);
    }

    private static Interaction click(int item, long ts) {
        return new Interaction(item, Double.NaN, ts, OptionalInt.empty(), List.of("Drama"));
    }

    private static Interaction interaction(Random random, long ts) {
        double rating = random.nextInt(4) == 0 ? Double.NaN : 0.5 + random.nextInt(10) * 0.5;
        List<String> genres = List.of(GENRES[random.nextInt(GENRES.length)]);
        OptionalInt year = random.nextInt(5) == 0 ? OptionalInt.empty() : OptionalInt.of(1980 + random.nextInt(30));
        return new Interaction(1 + random.nextInt(20), rating, ts, year, genres);
    }
}
