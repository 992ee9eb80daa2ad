package dev.wren.data.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a MovieLens-format folder ({@code movies.csv}, {@code ratings.csv}, {@code links.csv}, as in
 * ml-latest-small) with a planted taste signal, plus the hidden truth in {@code hidden/}.
 *
 * <p>Users are generated and written one at a time, so memory holds the movies but never the ratings: tens of
 * millions of ratings generate in a small heap. Output is byte-identical for equal configs. Thread-safe: it holds no
 * state between calls (two calls must not share an output folder).
 */
public final class SyntheticDataGenerator {
    private static final Logger log = LoggerFactory.getLogger(SyntheticDataGenerator.class);

    /** Changes whenever the same config would give different files, so stored data sets can be told apart. */
    public static final int FORMAT_VERSION = 1;

    static final String HIDDEN = "hidden";
    static final String USER_TASTES = "user_tastes.csv";
    static final String MOVIE_TASTES = "movie_tastes.csv";
    static final String GENRE_DIRECTIONS = "genre_directions.csv";
    static final String PARAMS = "params.json";

    private static final int BUFFER = 1 << 20;
    private static final CSVFormat CSV =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    /** Generates with no progress reporting beyond a log line every tenth of the way. */
    public GenerationResult generate(SyntheticConfig config, Path outDir) {
        return generate(config, outDir, GenerationProgress.NONE);
    }

    /**
     * Generates the data set into {@code outDir} (created if needed; files of the same names are replaced).
     *
     * @throws UncheckedIOException naming the file that could not be written
     */
    public GenerationResult generate(SyntheticConfig config, Path outDir, GenerationProgress progress) {
        long started = System.nanoTime();
        TasteModel model = TasteModel.standard();
        Path hidden = outDir.resolve(HIDDEN);
        createDirectories(hidden);
        log.info(
                "Generating {} users, {} movies, ~{} ratings (seed {}) into {}",
                config.users(),
                config.movies(),
                config.ratings(),
                config.seed(),
                outDir);

        MovieCatalogue movies = new MovieCatalogue(config, model);
        Path moviesFile = outDir.resolve("movies.csv");
        Path linksFile = outDir.resolve("links.csv");
        writeMovies(movies, moviesFile);
        writeLinks(config, movies, linksFile);
        writeMovieTastes(movies, hidden.resolve(MOVIE_TASTES));
        writeGenreDirections(movies, hidden.resolve(GENRE_DIRECTIONS));

        UserSimulator simulator = new UserSimulator(config, model, movies);
        int[] counts = ActivityPlan.counts(config);
        Path ratingsFile = outDir.resolve("ratings.csv");
        Path userTastesFile = hidden.resolve(USER_TASTES);
        long written = 0;
        int d = config.tasteDimension();
        try (Writer ratings = writer(ratingsFile);
                Writer tastes = writer(userTastesFile)) {
            ratings.write("userId,movieId,rating,timestamp\n");
            tastes.write(header("userId,bias", "t", d) + header("", "drift", d) + "\n");
            StringBuilder line = new StringBuilder(64);
            long nextLog = config.ratings() / 10;
            for (int u = 0; u < config.users(); u++) {
                UserHistory history = simulator.simulate(u, counts[u]);
                for (int i = 0; i < history.size(); i++) {
                    line.setLength(0);
                    int half = history.halfStars()[i];
                    line.append(history.userId())
                            .append(',')
                            .append(history.movies()[i] + 1)
                            .append(',')
                            .append(half / 2)
                            .append(half % 2 == 0 ? ".0" : ".5")
                            .append(',')
                            .append(history.times()[i])
                            .append('\n');
                    ratings.append(line);
                }
                written += history.size();
                writeUserTaste(tastes, line, history);
                progress.update(written, config.ratings());
                if (written >= nextLog && nextLog > 0) {
                    log.info("{} of ~{} ratings written", written, config.ratings());
                    nextLog += config.ratings() / 10;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + ratingsFile + " or " + userTastesFile, e);
        }
        writeParams(config, model, simulator, written, hidden.resolve(PARAMS));
        log.info(
                "Wrote {} ratings from {} users on {} movies in {} ms",
                written,
                config.users(),
                config.movies(),
                (System.nanoTime() - started) / 1_000_000);
        return new GenerationResult(
                outDir, config.users(), config.movies(), written, moviesFile, ratingsFile, linksFile, hidden);
    }

    private static void writeMovies(MovieCatalogue movies, Path file) {
        try (CSVPrinter csv = new CSVPrinter(writer(file), CSV)) {
            csv.printRecord("movieId", "title", "genres");
            for (int m = 0; m < movies.size; m++) {
                csv.printRecord(
                        m + 1, movies.titles[m] + " (" + movies.years[m] + ")", String.join("|", movies.genres.get(m)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** IMDb and TMDB ids that look real: increasing with the movie id, IMDb's zero-padded to seven digits. */
    private static void writeLinks(SyntheticConfig config, MovieCatalogue movies, Path file) {
        Random random = Seeds.random(config.seed(), Seeds.LINKS);
        long imdb = 100_000;
        long tmdb = 1_000;
        try (CSVPrinter csv = new CSVPrinter(writer(file), CSV)) {
            csv.printRecord("movieId", "imdbId", "tmdbId");
            for (int m = 0; m < movies.size; m++) {
                imdb += 1 + random.nextInt(900);
                tmdb += 1 + random.nextInt(60);
                csv.printRecord(m + 1, String.format(Locale.ROOT, "%07d", imdb), tmdb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static void writeMovieTastes(MovieCatalogue movies, Path file) {
        int d = movies.dimension;
        try (Writer out = writer(file)) {
            out.write(header("movieId,bias,popularity,releaseTimestamp", "t", d) + "\n");
            StringBuilder line = new StringBuilder();
            for (int m = 0; m < movies.size; m++) {
                line.setLength(0);
                line.append(m + 1)
                        .append(',')
                        .append(movies.biases[m])
                        .append(',')
                        .append(movies.popularity[m])
                        .append(',')
                        .append(movies.releaseSeconds[m]);
                for (int k = 0; k < d; k++) {
                    line.append(',').append(movies.tastes[m * d + k]);
                }
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static void writeGenreDirections(MovieCatalogue movies, Path file) {
        int d = movies.dimension;
        try (Writer out = writer(file)) {
            out.write(header("genre", "t", d) + "\n");
            for (int g = 0; g < Genres.count(); g++) {
                StringBuilder line = new StringBuilder(Genres.NAMES.get(g));
                for (int k = 0; k < d; k++) {
                    line.append(',').append(movies.genreDirections[g * d + k]);
                }
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static void writeUserTaste(Writer out, StringBuilder line, UserHistory history) throws IOException {
        line.setLength(0);
        line.append(history.userId()).append(',').append((float) history.bias());
        for (double x : history.taste()) {
            line.append(',').append((float) x);
        }
        for (double x : history.drift()) {
            line.append(',').append((float) x);
        }
        out.append(line).append('\n');
    }

    private static void writeParams(
            SyntheticConfig config, TasteModel model, UserSimulator simulator, long written, Path file) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("formatVersion", FORMAT_VERSION);
        params.put(
                "ratingModel",
                "rating = round_to_half_star(clamp(globalMean + userBias + movieBias + dot(userTaste(t), movieTaste)"
                        + " + N(0, noise^2), 0.5, 5)); userTaste(t) = taste + (f - 0.5) * drift with f the fraction of"
                        + " the user's active period elapsed at t; whole-star users round to whole stars");
        params.put(
                "selectionModel",
                "each user rates movies sampled without replacement with weight popularity * exp(selectionSharpness"
                        + " * dot(userTaste, movieTaste)) among movies released before the user's last rating; above"
                        + " 5000 movies the candidates are a popularity-drawn pool of 4n+200 draws per user");
        params.put("config", config);
        params.put("model", model);
        params.put("firstTimestamp", simulator.firstSecond());
        params.put("lastTimestamp", simulator.lastSecond());
        params.put("ratingsWritten", written);
        params.put("genres", Genres.NAMES);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            json.writeValue(file.toFile(), params);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String header(String first, String prefix, int d) {
        StringBuilder header = new StringBuilder(first);
        for (int k = 0; k < d; k++) {
            header.append(',').append(prefix).append(k);
        }
        return header.toString();
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), BUFFER);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }
}
