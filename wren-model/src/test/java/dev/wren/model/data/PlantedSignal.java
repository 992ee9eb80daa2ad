package dev.wren.model.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A tiny synthetic data set with a known signal: users like items of their favourite genre (an interaction only
 * crosses, embeddings or attention can see), plus a main effect of the item's numeric quality. Users' recent items
 * are from their favourite genre, so sequence models can find the genre there too.
 */
public final class PlantedSignal {
    public static final int USERS = 60;
    public static final int ITEMS = 48;
    public static final int GENRES = 6;
    public static final int HISTORY = 4;

    private PlantedSignal() {}

    public static FeatureLayout layout() {
        List<String> genres = List.of("g0", "g1", "g2", "g3", "g4", "g5");
        return new FeatureLayout(
                List.of(
                        CategoricalField.ids("user", Side.USER, USERS + 1),
                        CategoricalField.ids("item", Side.ITEM, ITEMS + 1),
                        CategoricalField.of("userGenre", Side.USER, genres),
                        CategoricalField.of("itemGenre", Side.ITEM, genres)),
                List.of(new NumericField("userActivity", Side.USER), new NumericField("itemQuality", Side.ITEM)),
                Optional.of(new SequenceField("recent", HISTORY)),
                Optional.of("user"),
                Optional.of("item"));
    }

    static int genreOfItem(int item) {
        return item % GENRES;
    }

    static int favouriteGenre(int user) {
        return (user * 7) % GENRES;
    }

    /** {@code n} samples drawn with the seed. */
    public static InMemorySampleSource samples(int n, long seed) {
        Random random = new Random(seed);
        FeatureLayout layout = layout();
        double[] quality = new double[ITEMS + 1];
        Random itemRandom = new Random(7);
        for (int i = 1; i <= ITEMS; i++) {
            quality[i] = itemRandom.nextGaussian();
        }
        List<Sample> samples = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            int user = 1 + random.nextInt(USERS);
            int item = 1 + random.nextInt(ITEMS);
            int favourite = favouriteGenre(user);
            int[] recent = new int[HISTORY];
            int length = 1 + random.nextInt(HISTORY);
            for (int k = 0; k < length; k++) {
                recent[k] = 1 + favourite + GENRES * random.nextInt(ITEMS / GENRES);
            }
            double logit = 5.0 * (genreOfItem(item) == favourite ? 1 : 0) - 2.5 + 1.2 * quality[item];
            float label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1f : 0f;
            samples.add(new Sample(
                    new int[] {user, item, favourite + 1, genreOfItem(item) + 1},
                    new float[] {(float) (10 + 3 * random.nextGaussian()), (float) quality[item]},
                    recent,
                    label,
                    user));
        }
        return new InMemorySampleSource(layout, samples);
    }
}
