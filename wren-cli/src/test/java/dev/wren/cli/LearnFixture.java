package dev.wren.cli;

import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.offline.OfflineSamples;
import dev.wren.model.offline.OfflineTraining;
import dev.wren.model.offline.SyntheticOfflineSamples;
import dev.wren.model.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A data home for {@code wren learn}: synthetic offline samples ({@code offline/}), a tiny DeepFM trained on them for
 * one epoch ({@code models/deepfm/v1}), and fresh samples as the stream job writes them (JSON lines) that follow a
 * trend the bundle never saw: users like genre {@link #TREND}, with 10 % label noise.
 */
final class LearnFixture {
    static final int USERS = 50;
    static final int ITEMS = 40;
    static final int TREND = 2;

    private LearnFixture() {}

    static Path home(Path home) {
        SyntheticOfflineSamples.write(home.resolve("offline"), USERS, ITEMS, 300, 50, 11, 1 << 20);
        OfflineSamples samples = OfflineSamples.open(home.resolve("offline"), "time", 0.1);
        ModelSpec spec = new ModelSpec.DeepFmSpec(4, List.of(8), 0f);
        OfflineTraining.train(
                samples, spec, TrainConfig.defaultsFor(spec).withEpochs(1, 1).withSeed(5), home.resolve("models"));
        return home;
    }

    /**
     * {@code rows} JSON lines after time {@code firstTs}, the first {@code flipped} of them with the trend's label
     * inverted (a labelling bug).
     */
    static List<String> fresh(int rows, int flipped, long firstTs, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int user = 1 + random.nextInt(USERS);
            int item = 1 + random.nextInt(ITEMS);
            int genre = item % SyntheticOfflineSamples.GENRES.size();
            boolean liked = (genre == TREND) != (random.nextDouble() < 0.1);
            if (r < flipped) {
                liked = !liked;
            }
            long ts = firstTs + r;
            lines.add(String.format(
                    "{\"userId\":%d,\"itemId\":%d,\"ts\":%d,\"label\":%d,\"genre1\":\"%s\",\"releaseYear\":%d,"
                            + "\"itemRatingCount\":%d,\"userTopGenres\":[\"%s\"],\"userRecentPositives\":[%d],"
                            + "\"userRatingCount\":%d,\"userRatingAvg\":%.2f,\"exposedAt\":%d,\"position\":%d,"
                            + "\"labelSource\":\"rating\"}",
                    user,
                    item,
                    ts,
                    liked ? 1 : 0,
                    SyntheticOfflineSamples.GENRES.get(genre),
                    1980 + item % 40,
                    random.nextInt(200),
                    SyntheticOfflineSamples.GENRES.get(user % SyntheticOfflineSamples.GENRES.size()),
                    1 + random.nextInt(ITEMS),
                    random.nextInt(50),
                    2.5 + 2 * random.nextDouble(),
                    ts * 1000 - 5000,
                    random.nextInt(10)));
        }
        return lines;
    }

    /** Writes a part file under {@code <home>/stream/samples/<bucket>/}. */
    static Path part(Path home, String bucket, String name, List<String> lines) throws IOException {
        Path dir = Files.createDirectories(home.resolve("stream/samples").resolve(bucket));
        return Files.write(dir.resolve(name), lines);
    }

    /** A MovieLens folder with the fixture's users, items and genres, for a server. */
    static Path movieLens(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> movies = new ArrayList<>(List.of("movieId,title,genres"));
        for (int m = 1; m <= ITEMS; m++) {
            String g1 = SyntheticOfflineSamples.GENRES.get(m % SyntheticOfflineSamples.GENRES.size());
            String g2 = SyntheticOfflineSamples.GENRES.get((m + 1) % SyntheticOfflineSamples.GENRES.size());
            movies.add(m + ",Movie " + m + " (" + (1980 + m % 40) + ")," + g1 + "|" + g2);
        }
        Files.write(dir.resolve("movies.csv"), movies);
        Random random = new Random(3);
        List<String> ratings = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
        for (int u = 1; u <= USERS; u++) {
            for (int m = 1; m <= ITEMS; m++) {
                if (random.nextDouble() < 0.3) {
                    ratings.add(
                            u + "," + m + "," + (1 + random.nextInt(9) * 0.5) + "," + (1_000_000_000L + u * 100L + m));
                }
            }
        }
        Files.write(dir.resolve("ratings.csv"), ratings);
        return dir;
    }
}
