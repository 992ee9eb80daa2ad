package dev.wren.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small MovieLens folder (movies.csv, ratings.csv) for the stream tests: {@link #MOVIES} movies with years and one or
 * two genres, and a few old ratings for users 1 to {@link #USERS_WITH_RATINGS}, so that users' histories start from
 * the dataset as in serving. Deterministic for a seed.
 */
final class TinyMovieLens {
    static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Romance", "Sci-Fi"};
    static final int MOVIES = 30;
    static final int USERS_WITH_RATINGS = 8;
    /** Dataset ratings are from long before the event log. */
    static final long RATINGS_START = 1_500_000_000L;

    private TinyMovieLens() {}

    static Path write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        List<String> movies = new ArrayList<>(List.of("movieId,title,genres"));
        for (int m = 1; m <= MOVIES; m++) {
            String g1 = GENRES[m % GENRES.length];
            String g2 = GENRES[(m / GENRES.length) % GENRES.length];
            movies.add(m + ",Movie " + m + " (" + (1980 + m) + ")," + (g1.equals(g2) ? g1 : g1 + "|" + g2));
        }
        Files.write(dir.resolve("movies.csv"), movies);
        Random random = new Random(seed);
        List<String> ratings = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
        for (int u = 1; u <= USERS_WITH_RATINGS; u++) {
            for (int m = 1; m <= MOVIES; m++) {
                if (random.nextDouble() < 0.2) {
                    double r = 0.5 + random.nextInt(10) * 0.5;
                    // Every third rating shares a second with the one before: ties are ordered by item id.
                    long ts = RATINGS_START + u * 1000L + (m / 3) * 7;
                    ratings.add(u + "," + m + "," + r + "," + ts);
                }
            }
        }
        Files.write(dir.resolve("ratings.csv"), ratings);
        return dir;
    }
}
