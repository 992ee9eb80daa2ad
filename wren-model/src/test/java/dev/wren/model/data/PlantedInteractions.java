package dev.wren.model.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A tiny synthetic interaction log with a known retrieval signal: each user picks most items from a favourite genre,
 * and within a genre, and across the catalogue, items are picked by a skewed popularity, so that popularity is a fair
 * baseline and the favourite genre is what beats it. Each user's items are split at random into training,
 * validation and test interactions (a per-user holdout). Every row is an interaction: label 1.
 */
public final class PlantedInteractions {
    public static final int USERS = 120;
    public static final int ITEMS = 300;
    public static final int GENRES = 6;
    public static final int HISTORY = 4;
    private static final int PER_USER = 30;

    /**
     * The three parts of the log.
     *
     * @param train 20 interactions per user
     * @param validation 5 per user
     * @param test 5 per user
     */
    public record Split(InMemorySampleSource train, InMemorySampleSource validation, InMemorySampleSource test) {}

    private PlantedInteractions() {}

    public static FeatureLayout layout() {
        List<String> genres = List.of("g0", "g1", "g2", "g3", "g4", "g5");
        return new FeatureLayout(
                List.of(
                        CategoricalField.ids("user", Side.USER, USERS + 1),
                        CategoricalField.ids("item", Side.ITEM, ITEMS + 1),
                        CategoricalField.of("itemGenre", Side.ITEM, genres)),
                List.of(new NumericField("userActivity", Side.USER)),
                Optional.of(new SequenceField("recent", HISTORY)),
                Optional.of("user"),
                Optional.of("item"));
    }

    static int genreOf(int item) {
        return item % GENRES;
    }

    /** The log drawn with the seed. */
    public static Split split(long seed) {
        Random random = new Random(seed);
        double[] weight = new double[ITEMS + 1];
        double total = 0;
        for (int i = 1; i <= ITEMS; i++) {
            // Zipf-like popularity over a random order of the items.
            weight[i] = 1.0 / Math.pow(1 + random.nextInt(ITEMS), 0.6);
            total += weight[i];
        }
        List<Sample> train = new ArrayList<>();
        List<Sample> validation = new ArrayList<>();
        List<Sample> test = new ArrayList<>();
        for (int user = 1; user <= USERS; user++) {
            int favourite = random.nextInt(GENRES);
            LinkedHashSet<Integer> items = new LinkedHashSet<>();
            while (items.size() < PER_USER) {
                int item = draw(random, weight, total);
                if (random.nextDouble() < 0.95 && genreOf(item) != favourite) {
                    continue;
                }
                items.add(item);
            }
            int[] recent = new int[HISTORY];
            int at = 0;
            for (int item : items) {
                Sample s = new Sample(
                        new int[] {user, item, genreOf(item) + 1},
                        new float[] {(float) (10 + 3 * random.nextGaussian())},
                        recent.clone(),
                        1f,
                        user);
                (at < 20 ? train : at < 25 ? validation : test).add(s);
                System.arraycopy(recent, 0, recent, 1, HISTORY - 1);
                recent[0] = item;
                at++;
            }
        }
        FeatureLayout layout = layout();
        return new Split(
                new InMemorySampleSource(layout, train),
                new InMemorySampleSource(layout, validation),
                new InMemorySampleSource(layout, test));
    }

    private static int draw(Random random, double[] weight, double total) {
        double r = random.nextDouble() * total;
        for (int i = 1; i < weight.length; i++) {
            r -= weight[i];
            if (r <= 0) {
                return i;
            }
        }
        return weight.length - 1;
    }
}
