package dev.wren.core.features;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A user's features as of some moment, built from the user's interactions in time order: rating count, mean and
 * population deviation; release-year mean and deviation; the newest positives (newest first); the genre taste (genres
 * of positives, each weighted {@code 0.5^(age / half-life)}, best first, ties by name). Interactions of the same second
 * form a group that is added whole: a group's features come from what happened strictly before it, which keeps the
 * offline samples' point-in-time features leak-free under ties. Not thread-safe: one per user.
 */
public final class UserProfile {
    private final UserFeatureRules rules;
    private final double genreHalfLifeSeconds;
    private final Moments ratings = new Moments();
    private final Moments years = new Moments();
    /** The newest positives, oldest first. */
    private final ArrayDeque<Integer> recent = new ArrayDeque<>();

    private final Map<String, Double> genreScore = new HashMap<>();
    private long lastPositiveTs;
    private List<String> rankedGenres = List.of();

    public UserProfile(UserFeatureRules rules) {
        this.rules = rules;
        this.genreHalfLifeSeconds = rules.genreHalfLifeDays() * 86_400;
    }

    /**
     * The profile after all of {@code history}, which must be in time order; within a second, add items in increasing
     * id order to match the offline pipeline's order.
     */
    public static UserProfile of(List<Interaction> history, UserFeatureRules rules) {
        UserProfile p = new UserProfile(rules);
        int start = 0;
        for (int i = 1; i <= history.size(); i++) {
            if (i == history.size()
                    || history.get(i).timestamp() != history.get(start).timestamp()) {
                p.addGroup(history.subList(start, i));
                start = i;
            }
        }
        return p;
    }

    /**
     * An independent profile equal to this one, so that a caller can keep the profile as of one moment while adding to
     * the copy (the near-line tier re-adds a second's group when a late member of it arrives).
     */
    public UserProfile copy() {
        UserProfile p = new UserProfile(rules);
        p.ratings.copyFrom(ratings);
        p.years.copyFrom(years);
        p.recent.addAll(recent);
        p.genreScore.putAll(genreScore);
        p.lastPositiveTs = lastPositiveTs;
        p.rankedGenres = rankedGenres;
        return p;
    }

    /**
     * Adds a group of interactions of one second, in the order given.
     *
     * @throws IllegalArgumentException when the group's timestamps differ
     */
    public void addGroup(List<Interaction> group) {
        if (group.isEmpty()) {
            return;
        }
        long ts = group.get(0).timestamp();
        boolean positives = false;
        for (Interaction e : group) {
            if (e.timestamp() != ts) {
                throw new IllegalArgumentException(
                        "a group holds one second's interactions: " + ts + " and " + e.timestamp());
            }
            if (!e.isClick()) {
                ratings.add(e.rating());
            }
            e.releaseYear().ifPresent(years::add);
            if (!rules.isPositive(e)) {
                continue;
            }
            if (!positives) {
                // Scores are kept as of the newest positive: one common factor, so the ranking is the same as with
                // weights taken at any later time.
                double decay = Math.pow(0.5, (ts - lastPositiveTs) / genreHalfLifeSeconds);
                genreScore.replaceAll((g, s) -> s * decay);
                lastPositiveTs = ts;
                positives = true;
            }
            recent.addLast(e.itemId());
            if (recent.size() > rules.recentPositives()) {
                recent.removeFirst();
            }
            for (String g : e.genres()) {
                genreScore.merge(g, 1.0, Double::sum);
            }
        }
        if (positives) {
            rankedGenres = rank();
        }
    }

    private List<String> rank() {
        @SuppressWarnings("unchecked")
        Map.Entry<String, Double>[] entries = genreScore.entrySet().toArray(Map.Entry[]::new);
        Arrays.sort(
                entries,
                Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()));
        List<String> top = new ArrayList<>(Math.min(rules.topGenres(), entries.length));
        for (int i = 0; i < entries.length && i < rules.topGenres(); i++) {
            top.add(entries[i].getKey());
        }
        return List.copyOf(top);
    }

    /** How many ratings (clicks are not counted). */
    public long ratingCount() {
        return ratings.n;
    }

    public OptionalDouble ratingAvg() {
        return ratings.mean();
    }

    /** The population standard deviation of the ratings. */
    public OptionalDouble ratingStd() {
        return ratings.std();
    }

    public OptionalDouble releaseYearAvg() {
        return years.mean();
    }

    public OptionalDouble releaseYearStd() {
        return years.std();
    }

    /** The newest positives, newest first. */
    public List<Integer> recentPositives() {
        List<Integer> newestFirst = new ArrayList<>(recent.size());
        recent.descendingIterator().forEachRemaining(newestFirst::add);
        return newestFirst;
    }

    /** The genre taste, best first. */
    public List<String> topGenres() {
        return rankedGenres;
    }

    /** The serving row of these features, named as in {@link FeatureSchema}; absent statistics are left out. */
    public Features features() {
        Features.Builder b = Features.builder()
                .number(FeatureSchema.RATING_COUNT, ratings.n)
                .intList(FeatureSchema.RECENT_POSITIVES, recentPositives())
                .textList(FeatureSchema.TOP_GENRES, rankedGenres);
        ratingAvg().ifPresent(v -> b.number(FeatureSchema.RATING_AVG, v));
        ratingStd().ifPresent(v -> b.number(FeatureSchema.RATING_STD, v));
        releaseYearAvg().ifPresent(v -> b.number(FeatureSchema.RELEASE_YEAR_AVG, v));
        releaseYearStd().ifPresent(v -> b.number(FeatureSchema.RELEASE_YEAR_STD, v));
        return b.build();
    }

    /** A running mean and population variance, updated as Spark's central-moment aggregates do. */
    private static final class Moments {
        private long n;
        private double sum;
        private double avg;
        private double m2;

        void copyFrom(Moments other) {
            n = other.n;
            sum = other.sum;
            avg = other.avg;
            m2 = other.m2;
        }

        void add(double x) {
            long newN = n + 1;
            double delta = x - avg;
            double deltaN = delta / newN;
            avg += deltaN;
            m2 += delta * (delta - deltaN);
            sum += x;
            n = newN;
        }

        /** Like Spark's {@code avg}: the sum over the count. */
        OptionalDouble mean() {
            return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
        }

        OptionalDouble std() {
            return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(m2 / n));
        }
    }
}
