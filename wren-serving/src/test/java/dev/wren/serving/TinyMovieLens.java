package dev.wren.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a small MovieLens folder (movies.csv, ratings.csv) with a planted taste structure: each user likes one genre
 * (rates its movies 4-5) and rates others low. Deterministic for a seed.
 */
final class TinyMovieLens {
    static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Romance", "Sci-Fi"};
    static final int MOVIES = 48;
    static final int USERS = 40;

    private TinyMovieLens() {}

    static Path write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        List<String> movies = new ArrayList<>(List.of("movieId,title,genres"));
        for (int m = 1; m <= MOVIES; m++) {
            String g1 = GENRES[m % GENRES.length];
            String g2 = GENRES[(m / GENRES.length) % GENRES.length];
            String genres = g1.equals(g2) ? g1 : g1 + "|" + g2;
            String title =
                    m == 7 ? "\"Heat, The (" + (1980 + m % 30) + ")\"" : "Movie " + m + " (" + (1980 + m % 30) + ")";
            movies.add(m + "," + title + "," + genres);
        }
        Files.write(dir.resolve("movies.csv"), movies);
        Random random = new Random(seed);
        List<String> ratings = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
        for (int u = 1; u <= USERS; u++) {
            String liked = GENRES[u % GENRES.length];
            long ts = 1_000_000_000L + u * 10_000L;
            for (int m = 1; m <= MOVIES; m++) {
                if (random.nextDouble() < 0.25) {
                    boolean likes = (GENRES[m % GENRES.length]).equals(liked);
                    double r = likes ? 4 + random.nextInt(3) * 0.5 : 1 + random.nextInt(5) * 0.5;
                    ratings.add(u + "," + m + "," + r + "," + (ts + m));
                }
            }
        }
        Files.write(dir.resolve("ratings.csv"), ratings);
        return dir;
    }
}
