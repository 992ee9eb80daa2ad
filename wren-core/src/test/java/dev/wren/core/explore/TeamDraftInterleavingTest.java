package dev.wren.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.core.explore.TeamDraftInterleaving.Interleaved;
import dev.wren.core.explore.TeamDraftInterleaving.Team;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TeamDraftInterleavingTest {
    private static final List<Integer> A = List.of(1, 2, 3, 4, 5);
    private static final List<Integer> B = List.of(2, 6, 1, 7, 8);

    @Test
    void teamsTakeTurnsAndNeverRepeatAnItem() {
        SplittableRandom random = new SplittableRandom(2);
        for (int r = 0; r < 200; r++) {
            Interleaved list = TeamDraftInterleaving.interleave(A, B, 6, random);
            assertThat(list.items()).hasSize(6).doesNotHaveDuplicates();
            long a = list.teams().stream().filter(t -> t == Team.A).count();
            assertThat(a).isEqualTo(3);
            // Each team's picks keep its own order.
            for (int i = 0; i < list.items().size(); i++) {
                List<Integer> own = list.teams().get(i) == Team.A ? A : B;
                assertThat(own).contains(list.items().get(i));
            }
        }
    }

    @Test
    void theFirstPickIsEachTeamsTopItemAboutHalfTheTime() {
        SplittableRandom random = new SplittableRandom(9);
        int aFirst = 0;
        for (int r = 0; r < 2000; r++) {
            if (TeamDraftInterleaving.interleave(A, B, 4, random).teams().get(0) == Team.A) {
                aFirst++;
            }
        }
        assertThat(aFirst).isBetween(900, 1100);
    }

    @Test
    void clicksCreditTheTeamThatPicked() {
        Interleaved list = new Interleaved(List.of(1, 2, 3, 6), List.of(Team.A, Team.B, Team.A, Team.B));
        TeamDraftInterleaving.Credit credit = TeamDraftInterleaving.credit(list, List.of(2, 6, 99));
        assertThat(credit.a()).isZero();
        assertThat(credit.b()).isEqualTo(2);
        assertThat(credit.winner()).contains(Team.B);
        assertThat(TeamDraftInterleaving.credit(list, List.of()).winner()).isEmpty();
    }

    @Test
    void aShortRankerPassesItsTurn() {
        Interleaved list = TeamDraftInterleaving.interleave(List.of(1), List.of(2, 3, 4), 4, new SplittableRandom(1));
        assertThat(list.items()).containsExactlyInAnyOrder(1, 2, 3, 4);
    }
}
