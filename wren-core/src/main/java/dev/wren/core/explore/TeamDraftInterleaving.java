package dev.wren.core.explore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Team-draft interleaving (Radlinski, Kurup and Joachims, CIKM 2008): two rankers take turns, like captains picking
 * teams, each adding its best item not yet in the list; whichever team has picked fewer goes next, and a coin decides
 * when they have picked equally. Each shown item remembers the team that picked it, and a click credits that team.
 * Stateless and thread-safe.
 */
public final class TeamDraftInterleaving {
    /** The two rankers, as logged in an exposure's {@code teams} field. */
    public enum Team {
        A,
        B
    }

    /**
     * An interleaved list.
     *
     * @param items the item ids shown, top first
     * @param teams the team that picked each item, parallel to {@code items}
     */
    public record Interleaved(List<Integer> items, List<Team> teams) {
        public Interleaved {
            items = List.copyOf(items);
            teams = List.copyOf(teams);
            if (items.size() != teams.size()) {
                throw new IllegalArgumentException(items.size() + " items but " + teams.size() + " teams");
            }
        }
    }

    /**
     * The clicks each team earned in one list.
     *
     * @param a clicks on items team A picked
     * @param b clicks on items team B picked
     */
    public record Credit(int a, int b) {
        /** Which team won this list; empty on a tie (no clicks, or as many for each). */
        public java.util.Optional<Team> winner() {
            return a == b ? java.util.Optional.empty() : java.util.Optional.of(a > b ? Team.A : Team.B);
        }
    }

    private TeamDraftInterleaving() {}

    /**
     * Interleaves two rankings into a list of at most {@code size} items.
     *
     * @param a ranker A's list, best first
     * @param b ranker B's list, best first
     */
    public static Interleaved interleave(List<Integer> a, List<Integer> b, int size, RandomGenerator random) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        List<Integer> items = new ArrayList<>();
        List<Team> teams = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        int picksA = 0;
        int picksB = 0;
        int nextA = 0;
        int nextB = 0;
        while (items.size() < size) {
            while (nextA < a.size() && taken.contains(a.get(nextA))) {
                nextA++;
            }
            while (nextB < b.size() && taken.contains(b.get(nextB))) {
                nextB++;
            }
            boolean hasA = nextA < a.size();
            boolean hasB = nextB < b.size();
            if (!hasA && !hasB) {
                break;
            }
            boolean pickA = picksA < picksB || (picksA == picksB && random.nextBoolean());
            // A ranker that has run out of items passes its turn to the other.
            if (pickA ? !hasA : !hasB) {
                pickA = !pickA;
            }
            int item = pickA ? a.get(nextA) : b.get(nextB);
            taken.add(item);
            items.add(item);
            teams.add(pickA ? Team.A : Team.B);
            if (pickA) {
                picksA++;
            } else {
                picksB++;
            }
        }
        return new Interleaved(items, teams);
    }

    /** Credits each clicked item of the list to the team that picked it; clicks on other items are ignored. */
    public static Credit credit(Interleaved list, Collection<Integer> clicked) {
        Set<Integer> clicks = new HashSet<>(clicked);
        int a = 0;
        int b = 0;
        for (int i = 0; i < list.items().size(); i++) {
            if (clicks.contains(list.items().get(i))) {
                if (list.teams().get(i) == Team.A) {
                    a++;
                } else {
                    b++;
                }
            }
        }
        return new Credit(a, b);
    }
}
