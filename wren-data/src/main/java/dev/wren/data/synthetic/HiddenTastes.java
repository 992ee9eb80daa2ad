package dev.wren.data.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The hidden truth behind a synthetic data set, read back from its {@code hidden/} folder, so tests can measure how
 * much of it a model or an embedding recovered.
 *
 * <p>The maps are unmodifiable, but the {@code float[]} values are shared arrays: read them, do not change them. Safe to
 * share between threads for reading.
 *
 * @param dimension taste dimension
 * @param globalMean the rating model's intercept
 * @param userTastes user id -> taste at the middle of the user's active period
 * @param userDrifts user id -> drift vector: at fraction f of the active period the taste is taste + (f - 0.5) drift
 * @param userBiases user id -> bias in stars
 * @param movieTastes movie id -> taste vector
 * @param movieBiases movie id -> bias in stars
 * @param moviePopularity movie id -> relative popularity weight (larger is more popular)
 * @param genreDirections genre name -> unit direction in taste space
 * @param params everything in {@code params.json}: the config, the model constants, the time range
 */
public record HiddenTastes(
        int dimension,
        double globalMean,
        Map<Integer, float[]> userTastes,
        Map<Integer, float[]> userDrifts,
        Map<Integer, Float> userBiases,
        Map<Integer, float[]> movieTastes,
        Map<Integer, Float> movieBiases,
        Map<Integer, Double> moviePopularity,
        Map<String, float[]> genreDirections,
        JsonNode params) {

    public HiddenTastes {
        userTastes = Map.copyOf(userTastes);
        userDrifts = Map.copyOf(userDrifts);
        userBiases = Map.copyOf(userBiases);
        movieTastes = Map.copyOf(movieTastes);
        movieBiases = Map.copyOf(movieBiases);
        moviePopularity = Map.copyOf(moviePopularity);
        genreDirections = Map.copyOf(genreDirections);
    }

    /**
     * Reads the hidden truth of a generated data set.
     *
     * @param dir the data set's folder or its {@code hidden/} folder
     * @throws IllegalArgumentException naming the file and line of a malformed record
     * @throws UncheckedIOException when a file cannot be read
     */
    public static HiddenTastes read(Path dir) {
        Path hidden = Files.isDirectory(dir.resolve(SyntheticDataGenerator.HIDDEN))
                ? dir.resolve(SyntheticDataGenerator.HIDDEN)
                : dir;
        Path paramsFile = hidden.resolve(SyntheticDataGenerator.PARAMS);
        JsonNode params;
        try {
            params = new ObjectMapper().readTree(paramsFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not read " + paramsFile + " (is " + dir + " a synthetic data set?)", e);
        }
        int d = params.path("config").path("tasteDimension").asInt(0);
        if (d <= 0) {
            throw new IllegalArgumentException(paramsFile + ": missing config.tasteDimension");
        }
        double globalMean = params.path("model").path("globalMean").asDouble();

        Map<Integer, float[]> userTastes = new HashMap<>();
        Map<Integer, float[]> userDrifts = new HashMap<>();
        Map<Integer, Float> userBiases = new HashMap<>();
        readCsv(hidden.resolve(SyntheticDataGenerator.USER_TASTES), 2 + 2 * d, (file, row) -> {
            int id = parseInt(file, row, 0);
            userBiases.put(id, parseFloat(file, row, 1));
            userTastes.put(id, vector(file, row, 2, d));
            userDrifts.put(id, vector(file, row, 2 + d, d));
        });
        Map<Integer, float[]> movieTastes = new HashMap<>();
        Map<Integer, Float> movieBiases = new HashMap<>();
        Map<Integer, Double> popularity = new HashMap<>();
        readCsv(hidden.resolve(SyntheticDataGenerator.MOVIE_TASTES), 4 + d, (file, row) -> {
            int id = parseInt(file, row, 0);
            movieBiases.put(id, parseFloat(file, row, 1));
            popularity.put(id, parseDouble(file, row, 2));
            movieTastes.put(id, vector(file, row, 4, d));
        });
        Map<String, float[]> genres = new LinkedHashMap<>();
        readCsv(hidden.resolve(SyntheticDataGenerator.GENRE_DIRECTIONS), 1 + d, (file, row) -> {
            genres.put(row.get(0), vector(file, row, 1, d));
        });
        return new HiddenTastes(
                d,
                globalMean,
                userTastes,
                userDrifts,
                userBiases,
                movieTastes,
                movieBiases,
                popularity,
                genres,
                params);
    }

    /** The taste term of the rating model: dot(user taste, movie taste), at the middle of the user's period. */
    public double affinity(int userId, int movieId) {
        float[] u = required(userTastes, userId, "user");
        float[] m = required(movieTastes, movieId, "movie");
        double s = 0;
        for (int k = 0; k < dimension; k++) {
            s += u[k] * m[k];
        }
        return s;
    }

    /** The noise-free rating the model expects, before rounding to half stars, clamped to 0.5..5. */
    public double expectedRating(int userId, int movieId) {
        double raw = globalMean
                + required(userBiases, userId, "user")
                + required(movieBiases, movieId, "movie")
                + affinity(userId, movieId);
        return Math.max(0.5, Math.min(5.0, raw));
    }

    private static <V> V required(Map<Integer, V> map, int id, String kind) {
        V value = map.get(id);
        if (value == null) {
            throw new NoSuchElementException("No hidden " + kind + " with id " + id);
        }
        return value;
    }

    private interface RowHandler {
        void accept(Path file, CSVRecord row);
    }

    private static void readCsv(Path file, int columns, RowHandler handler) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord row : parser) {
                if (row.size() != columns) {
                    throw new IllegalArgumentException(file + " line " + (row.getRecordNumber() + 1) + ": expected "
                            + columns + " columns, found " + row.size());
                }
                handler.accept(file, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static float[] vector(Path file, CSVRecord row, int from, int d) {
        float[] v = new float[d];
        for (int k = 0; k < d; k++) {
            v[k] = parseFloat(file, row, from + k);
        }
        return v;
    }

    private static int parseInt(Path file, CSVRecord row, int column) {
        try {
            return Integer.parseInt(row.get(column));
        } catch (NumberFormatException e) {
            throw bad(file, row, column, e);
        }
    }

    private static double parseDouble(Path file, CSVRecord row, int column) {
        try {
            return Double.parseDouble(row.get(column));
        } catch (NumberFormatException e) {
            throw bad(file, row, column, e);
        }
    }

    private static float parseFloat(Path file, CSVRecord row, int column) {
        try {
            return Float.parseFloat(row.get(column));
        } catch (NumberFormatException e) {
            throw bad(file, row, column, e);
        }
    }

    private static IllegalArgumentException bad(Path file, CSVRecord row, int column, Exception cause) {
        // Record numbers count data rows; the header is line 1.
        return new IllegalArgumentException(
                file + " line " + (row.getRecordNumber() + 1) + ", column " + (column + 1) + ": not a number: '"
                        + row.get(column) + "'",
                cause);
    }
}
