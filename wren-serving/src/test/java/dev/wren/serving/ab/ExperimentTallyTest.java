package dev.wren.serving.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentTallyTest {
    @Test
    void creditsAClickToEveryVariantOfTheUsersLatestListThatShowedTheItem() {
        ExperimentTally tally = new ExperimentTally(10);
        tally.shown(1, Map.of("ranker", "b", "explore", "eps"), List.of(10, 11, 12));
        tally.shown(2, Map.of("ranker", "control"), List.of(10, 20));
        tally.shown(3, Map.of(), List.of(10)); // the default pipeline: not counted
        tally.clicked(1, 11);
        tally.clicked(1, 99); // not shown to this user
        tally.clicked(3, 10);
        assertThat(tally.counts("ranker", "b")).isEqualTo(new ExperimentTally.Counts(1, 3, 1));
        assertThat(tally.counts("explore", "eps").clicks()).isEqualTo(1);
        assertThat(tally.counts("ranker", "control")).isEqualTo(new ExperimentTally.Counts(1, 2, 0));
        assertThat(tally.counts("ranker", "b").ctr()).isEqualTo(1.0 / 3);
        assertThat(tally.counts("ranker", "none")).isEqualTo(new ExperimentTally.Counts(0, 0, 0));
    }

    @Test
    void forgetsTheLeastRecentUsersListsBeyondItsBound() {
        ExperimentTally tally = new ExperimentTally(1);
        tally.shown(1, Map.of("e", "a"), List.of(10));
        tally.shown(2, Map.of("e", "a"), List.of(20));
        tally.clicked(1, 10); // user 1's list was pushed out
        tally.clicked(2, 20);
        assertThat(tally.counts("e", "a")).isEqualTo(new ExperimentTally.Counts(2, 2, 1));
    }
}
