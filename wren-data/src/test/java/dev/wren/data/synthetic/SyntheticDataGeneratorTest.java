package dev.wren.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDataGeneratorTest {
    private static final SyntheticConfig SMALL =
            SyntheticConfig.defaults().withSize(1_000, 600, 30_000).withSeed(7);

    @TempDir
    static Path shared;

    private static GenerationResult result;
    private static List<CSVRecord> ratings;
    private static List<CSVRecord> movies;

    @BeforeAll
    static void generateOnce() throws IOException {
        result = new SyntheticDataGenerator().generate(SMALL, shared.resolve("small"));
        ratings = readCsv(result.ratingsFile());
        movies = readCsv(result.moviesFile());
    }

    @Test
    void sameSeedWritesByteIdenticalFiles(@TempDir Path dir) throws IOException {
        GenerationResult again = new SyntheticDataGenerator().generate(SMALL, dir);

        List<Path> files = relativeFiles(result.directory());
        assertThat(files).isEqualTo(relativeFiles(again.directory())).hasSize(7);
        for (Path file : files) {
            assertThat(Files.readAllBytes(dir.resolve(file)))
                    .as(file.toString())
                    .isEqualTo(Files.readAllBytes(result.directory().resolve(file)));
        }
    }

    @Test
    void anotherSeedWritesOtherRatingsAndMovies(@TempDir Path dir) throws IOException {
        GenerationResult other = new SyntheticDataGenerator().generate(SMALL.withSeed(8), dir);

        assertThat(Files.readAllBytes(other.ratingsFile())).isNotEqualTo(Files.readAllBytes(result.ratingsFile()));
        assertThat(Files.readAllBytes(other.moviesFile())).isNotEqualTo(Files.readAllBytes(result.moviesFile()));
    }

    @Test
    void writesCountsNearTheTargets() {
        assertThat(result.users()).isEqualTo(1_000);
        assertThat(result.movies()).isEqualTo(600);
        assertThat(result.ratings()).isEqualTo((long) ratings.size()).isBetween(29_000L, 30_000L);
        assertThat(movies).hasSize(600);
        Map<String, Integer> perUser = new HashMap<>();
        ratings.forEach(r -> perUser.merge(r.get("userId"), 1, Integer::sum));
        assertThat(perUser).hasSize(1_000);
        assertThat(perUser.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(SMALL.minRatingsPerUser()));
    }

    @Test
    void writesMovieLensHeadersAndQuotesTitlesWithCommas() throws IOException {
        List<String> movieLines = Files.readAllLines(result.moviesFile());
        assertThat(movieLines.get(0)).isEqualTo("movieId,title,genres");
        assertThat(Files.readAllLines(result.ratingsFile()).get(0)).isEqualTo("userId,movieId,rating,timestamp");
        assertThat(Files.readAllLines(result.linksFile()).get(0)).isEqualTo("movieId,imdbId,tmdbId");
        assertThat(movieLines).anySatisfy(line -> assertThat(line).matches("\\d+,\"[^\"]*, The \\(\\d{4}\\)\",.*"));
        assertThat(new String(Files.readAllBytes(result.ratingsFile()), StandardCharsets.UTF_8))
                .doesNotContain("\r");
    }

    @Test
    void moviesHaveUniqueTitlesWithYearsAndOneToThreeKnownGenres() {
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < movies.size(); i++) {
            CSVRecord movie = movies.get(i);
            assertThat(movie.get("movieId")).isEqualTo(String.valueOf(i + 1));
            assertThat(movie.get("title")).matches(".+ \\((19|20)\\d\\d\\)");
            int year = Integer.parseInt(movie.get("title").replaceAll(".*\\((\\d{4})\\)$", "$1"));
            assertThat(year).isBetween(1920, SMALL.endYear());
            assertThat(titles.add(movie.get("title"))).as(movie.get("title")).isTrue();
            List<String> genres = List.of(movie.get("genres").split("\\|"));
            assertThat(genres).hasSizeBetween(1, 3).doesNotHaveDuplicates().isSubsetOf(Genres.NAMES);
        }
    }

    @Test
    void linksLookLikeImdbAndTmdbIds() throws IOException {
        List<CSVRecord> links = readCsv(result.linksFile());
        assertThat(links).hasSize(600);
        assertThat(links).allSatisfy(link -> {
            assertThat(link.get("imdbId")).matches("\\d{7}");
            assertThat(link.get("tmdbId")).matches("\\d+");
        });
    }

    @Test
    void ratingsAreHalfStarsInRangeAndInTimeOrderPerUser() {
        long first = LocalDate.of(SMALL.startYear(), 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long last = LocalDate.of(SMALL.endYear() + 1, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        Map<Integer, Long> latestByUser = new HashMap<>();
        Set<Long> pairs = new HashSet<>();
        int previousUser = 0;
        Set<Double> values = new HashSet<>();
        for (CSVRecord r : ratings) {
            int user = Integer.parseInt(r.get("userId"));
            int movie = Integer.parseInt(r.get("movieId"));
            double rating = Double.parseDouble(r.get("rating"));
            long time = Long.parseLong(r.get("timestamp"));
            assertThat(user).isGreaterThanOrEqualTo(previousUser);
            previousUser = user;
            assertThat(movie).isBetween(1, 600);
            assertThat(rating * 2).isEqualTo(Math.rint(rating * 2));
            assertThat(rating).isBetween(0.5, 5.0);
            values.add(rating);
            assertThat(time).isBetween(first, last - 1);
            assertThat(time).isGreaterThanOrEqualTo(latestByUser.getOrDefault(user, Long.MIN_VALUE));
            latestByUser.put(user, time);
            assertThat(pairs.add((long) user << 32 | movie))
                    .as("user %d rates movie %d once", user, movie)
                    .isTrue();
        }
        assertThat(values).as("most of the half-star scale is used").hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aTenthOfTheMoviesGetMostOfTheRatings() {
        Map<String, Integer> perMovie = new HashMap<>();
        ratings.forEach(r -> perMovie.merge(r.get("movieId"), 1, Integer::sum));
        List<Integer> counts = new ArrayList<>(perMovie.values());
        counts.sort((a, b) -> b - a);
        long top = counts.subList(0, 60).stream().mapToLong(Integer::longValue).sum();

        assertThat((double) top / ratings.size()).isGreaterThan(0.35);
        assertThat(counts.get(counts.size() - 1)).isLessThan(counts.get(0) / 10);
    }

    @Test
    void hiddenTastesPredictTheRatingsFarBetterThanChance() {
        HiddenTastes hidden = HiddenTastes.read(result.directory());
        int n = ratings.size();
        double[] affinity = new double[n];
        double[] rating = new double[n];
        double squaredError = 0;
        for (int i = 0; i < n; i++) {
            CSVRecord r = ratings.get(i);
            int user = Integer.parseInt(r.get("userId"));
            int movie = Integer.parseInt(r.get("movieId"));
            affinity[i] = hidden.affinity(user, movie);
            rating[i] = Double.parseDouble(r.get("rating"));
            squaredError += Math.pow(hidden.expectedRating(user, movie) - rating[i], 2);
        }
        double rmse = Math.sqrt(squaredError / n);

        assertThat(correlation(affinity, rating)).isGreaterThan(0.5);
        assertThat(rmse).isLessThan(0.7 * standardDeviation(rating));
    }

    @Test
    void usersRateMoviesThatMatchTheirTaste() {
        HiddenTastes hidden = HiddenTastes.read(result.directory());
        Random random = new Random(1);
        double rated = 0;
        double unrelated = 0;
        for (CSVRecord r : ratings) {
            int user = Integer.parseInt(r.get("userId"));
            rated +=
                    cosine(hidden.userTastes().get(user), hidden.movieTastes().get(Integer.parseInt(r.get("movieId"))));
            unrelated +=
                    cosine(hidden.userTastes().get(user), hidden.movieTastes().get(1 + random.nextInt(600)));
        }

        assertThat(rated / ratings.size()).isGreaterThan(unrelated / ratings.size() + 0.1);
    }

    @Test
    void moviesRatedByTheSameUserAreTasteNeighbours() {
        HiddenTastes hidden = HiddenTastes.read(result.directory());
        List<Integer> users =
                ratings.stream().map(r -> Integer.parseInt(r.get("userId"))).toList();
        List<Integer> rated =
                ratings.stream().map(r -> Integer.parseInt(r.get("movieId"))).toList();
        // The baseline pairs movies from the same shuffled list, so both sides have the same popularity mix.
        List<Integer> shuffled = new ArrayList<>(rated);
        Collections.shuffle(shuffled, new Random(2));
        double together = 0;
        double apart = 0;
        int pairs = 0;
        for (int i = 0; i + 1 < rated.size(); i++) {
            if (users.get(i).equals(users.get(i + 1))) {
                together += cosine(
                        hidden.movieTastes().get(rated.get(i)),
                        hidden.movieTastes().get(rated.get(i + 1)));
                apart += cosine(
                        hidden.movieTastes().get(shuffled.get(i)),
                        hidden.movieTastes().get(shuffled.get(i + 1)));
                pairs++;
            }
        }

        assertThat(together / pairs).isGreaterThan(apart / pairs + 0.05);
    }

    @Test
    void genresAreTheDirectionsAMovieAlignsWith() {
        HiddenTastes hidden = HiddenTastes.read(result.directory());
        double listed = 0;
        int listedCount = 0;
        double others = 0;
        int otherCount = 0;
        for (CSVRecord movie : movies) {
            float[] taste = hidden.movieTastes().get(Integer.parseInt(movie.get("movieId")));
            Set<String> genres = Set.of(movie.get("genres").split("\\|"));
            for (Map.Entry<String, float[]> genre : hidden.genreDirections().entrySet()) {
                double c = cosine(taste, genre.getValue());
                if (genres.contains(genre.getKey())) {
                    listed += c;
                    listedCount++;
                } else {
                    others += c;
                    otherCount++;
                }
            }
        }

        assertThat(listed / listedCount).isGreaterThan(others / otherCount + 0.3);
    }

    @Test
    void reportsProgressUpToTheRatingsWritten(@TempDir Path dir) {
        List<Long> updates = new ArrayList<>();
        SyntheticConfig tiny = SyntheticConfig.defaults().withSize(30, 50, 900);

        GenerationResult tinyResult =
                new SyntheticDataGenerator().generate(tiny, dir, (written, target) -> updates.add(written));

        assertThat(updates).hasSize(30).isSorted();
        assertThat(updates.get(updates.size() - 1)).isEqualTo(tinyResult.ratings());
    }

    @Test
    void aLargeCatalogueDrawsCandidatesFromAPopularityPool(@TempDir Path dir) throws IOException {
        // 6,000 movies exceed the full-scan limit, so this takes the pooled path used for ml-25m-sized catalogues.
        SyntheticConfig wide =
                SyntheticConfig.defaults().withSize(100, 6_000, 3_000).withSeed(3);

        GenerationResult wideResult = new SyntheticDataGenerator().generate(wide, dir);

        List<CSVRecord> wideRatings = readCsv(wideResult.ratingsFile());
        assertThat((long) wideRatings.size()).isEqualTo(wideResult.ratings()).isBetween(2_900L, 3_000L);
        Set<String> distinct = new HashSet<>();
        wideRatings.forEach(r -> assertThat(distinct.add(r.get("userId") + ":" + r.get("movieId")))
                .isTrue());
    }

    static List<CSVRecord> readCsv(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = Files.newBufferedReader(file);
                CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.getRecords();
        }
    }

    private static List<Path> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double standardDeviation(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }
}
