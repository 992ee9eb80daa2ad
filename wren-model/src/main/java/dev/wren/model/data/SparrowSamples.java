package dev.wren.model.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Adapter for the SparrowRecSys course's sample CSV ({@code movieId,userId,rating,...,userGenre5}): label is
 * {@code rating >= 3.5}, the user's five recent movies become the sequence, genres share one vocabulary.
 *
 * <p>Rating counts are log-scaled here (they span five orders of magnitude); everything numeric is standardised
 * later by {@link NumericScaling}. Note the file's movie statistics are computed over all ratings, including the
 * labelled one, so they leak the label: results on it are optimistic.
 */
public final class SparrowSamples {
    public static final String USER_ID = "userId";
    public static final String MOVIE_ID = "movieId";
    public static final String RECENT_MOVIES = "userRatedMovies";
    public static final List<String> MOVIE_GENRES = List.of("movieGenre1", "movieGenre2", "movieGenre3");
    public static final List<String> USER_GENRES =
            List.of("userGenre1", "userGenre2", "userGenre3", "userGenre4", "userGenre5");
    public static final List<String> RECENT_MOVIE_COLUMNS =
            List.of("userRatedMovie1", "userRatedMovie2", "userRatedMovie3", "userRatedMovie4", "userRatedMovie5");
    public static final List<String> MOVIE_NUMERIC =
            List.of("releaseYear", "movieRatingCount", "movieAvgRating", "movieRatingStddev");
    public static final List<String> USER_NUMERIC = List.of(
            "userRatingCount", "userAvgReleaseYear", "userReleaseYearStddev", "userAvgRating", "userRatingStddev");
    private static final double POSITIVE_RATING = 3.5;

    private SparrowSamples() {}

    /** Reads the whole file (it is small), building the layout's vocabularies from it. */
    public static InMemorySampleSource read(Path csv) throws IOException {
        List<CSVRecord> records = parse(csv);
        FeatureLayout layout = layoutFor(csv, records);
        List<Sample> samples = new ArrayList<>(records.size());
        for (CSVRecord r : records) {
            try {
                samples.add(toSample(layout, r));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        csv + " line " + r.getParser().getCurrentLineNumber() + ": " + e.getMessage(), e);
            }
        }
        return new InMemorySampleSource(layout, samples);
    }

    private static List<CSVRecord> parse(Path csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = Files.newBufferedReader(csv);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> missing = new ArrayList<>();
            for (String column : requiredColumns()) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                throw new IOException(csv + ": header lacks columns " + missing);
            }
            return parser.getRecords();
        }
    }

    private static List<String> requiredColumns() {
        List<String> all = new ArrayList<>(List.of(MOVIE_ID, USER_ID, "rating"));
        all.addAll(MOVIE_GENRES);
        all.addAll(USER_GENRES);
        all.addAll(RECENT_MOVIE_COLUMNS);
        all.addAll(MOVIE_NUMERIC);
        all.addAll(USER_NUMERIC);
        return all;
    }

    private static FeatureLayout layoutFor(Path csv, List<CSVRecord> records) {
        TreeSet<String> genres = new TreeSet<>();
        int maxUser = 0;
        int maxMovie = 0;
        for (CSVRecord r : records) {
            for (String c : MOVIE_GENRES) {
                addIfPresent(genres, r.get(c));
            }
            for (String c : USER_GENRES) {
                addIfPresent(genres, r.get(c));
            }
            try {
                maxUser = Math.max(maxUser, Integer.parseInt(r.get(USER_ID)));
                maxMovie = Math.max(maxMovie, Integer.parseInt(r.get(MOVIE_ID)));
                for (String c : RECENT_MOVIE_COLUMNS) {
                    if (!r.get(c).isBlank()) {
                        maxMovie = Math.max(maxMovie, Integer.parseInt(r.get(c)));
                    }
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        csv + " line " + r.getParser().getCurrentLineNumber() + ": bad id: " + e.getMessage(), e);
            }
        }
        List<String> genreList = List.copyOf(genres);
        List<CategoricalField> categorical = new ArrayList<>();
        categorical.add(CategoricalField.ids(USER_ID, Side.USER, maxUser + 1));
        categorical.add(CategoricalField.ids(MOVIE_ID, Side.ITEM, maxMovie + 1));
        MOVIE_GENRES.forEach(g -> categorical.add(CategoricalField.of(g, Side.ITEM, genreList)));
        USER_GENRES.forEach(g -> categorical.add(CategoricalField.of(g, Side.USER, genreList)));
        List<NumericField> numeric = new ArrayList<>();
        MOVIE_NUMERIC.forEach(n -> numeric.add(new NumericField(n, Side.ITEM)));
        USER_NUMERIC.forEach(n -> numeric.add(new NumericField(n, Side.USER)));
        return new FeatureLayout(
                categorical,
                numeric,
                Optional.of(new SequenceField(RECENT_MOVIES, RECENT_MOVIE_COLUMNS.size())),
                Optional.of(USER_ID),
                Optional.of(MOVIE_ID));
    }

    private static void addIfPresent(TreeSet<String> set, String value) {
        if (!value.isBlank()) {
            set.add(value);
        }
    }

    private static Sample toSample(FeatureLayout layout, CSVRecord r) {
        int[] categorical = new int[layout.categoricalCount()];
        for (int i = 0; i < categorical.length; i++) {
            CategoricalField f = layout.categorical().get(i);
            categorical[i] = f.encode(r.get(f.name()));
        }
        float[] numeric = new float[layout.numericCount()];
        for (int i = 0; i < numeric.length; i++) {
            String name = layout.numeric().get(i).name();
            double v = number(r, name);
            numeric[i] = (float) (name.endsWith("RatingCount") ? Math.log1p(v) : v);
        }
        int[] sequence = new int[RECENT_MOVIE_COLUMNS.size()];
        CategoricalField movies = layout.categoricalField(MOVIE_ID);
        for (int i = 0; i < sequence.length; i++) {
            sequence[i] = movies.encode(r.get(RECENT_MOVIE_COLUMNS.get(i)));
        }
        float label = number(r, "rating") >= POSITIVE_RATING ? 1f : 0f;
        return new Sample(categorical, numeric, sequence, label, Long.parseLong(r.get(USER_ID)));
    }

    private static double number(CSVRecord r, String column) {
        String value = r.get(column);
        try {
            return value.isBlank() ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + ": '" + value + "' is not a number", e);
        }
    }
}
