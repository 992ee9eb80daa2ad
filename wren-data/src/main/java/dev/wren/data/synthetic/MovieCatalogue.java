package dev.wren.data.synthetic;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The generated movies, kept in memory (a few dozen bytes each): taste vectors, biases, popularity, release times,
 * titles and genres. Movie {@code i} has id {@code i + 1}. Immutable after construction, so safe to share.
 */
final class MovieCatalogue {
    private static final int FIRST_RELEASE_YEAR = 1920;
    private static final double[] GENRE_COUNT_SHARES = {0.35, 0.40, 0.25};

    final int size;
    final int dimension;
    /** Genre directions, unit vectors, {@code genre * dimension + k}. */
    final float[] genreDirections;
    /** Movie tastes, {@code movie * dimension + k}. */
    final float[] tastes;

    final float[] biases;
    final double[] popularity;
    /** Running sum of popularity. */
    final double[] cumulativePopularity;

    private final double[] aliasProbability;
    private final int[] alias;

    final long[] releaseSeconds;
    final int[] years;
    final String[] titles;
    final List<List<String>> genres;

    MovieCatalogue(SyntheticConfig config, TasteModel model) {
        size = config.movies();
        dimension = config.tasteDimension();
        genreDirections = genreDirections(config);
        tastes = new float[size * dimension];
        biases = new float[size];
        popularity = popularity(config, model);
        cumulativePopularity = new double[size];
        aliasProbability = new double[size];
        alias = new int[size];
        releaseSeconds = new long[size];
        years = new int[size];
        titles = new String[size];
        genres = new ArrayList<>(size);

        double sum = 0;
        double meanLogPopularity = 0;
        for (double p : popularity) {
            meanLogPopularity += StrictMath.log(p) / size;
        }
        double logSpread = 0;
        for (double p : popularity) {
            logSpread += StrictMath.pow(StrictMath.log(p) - meanLogPopularity, 2) / size;
        }
        logSpread = Math.sqrt(Math.max(logSpread, 1e-12));

        TitleGenerator titleGenerator = new TitleGenerator(Seeds.random(config.seed(), Seeds.TITLES));
        for (int i = 0; i < size; i++) {
            Random random = Seeds.random(config.seed(), Seeds.MOVIES, i);
            genres.add(makeTaste(i, random, model));
            // Popular movies are rated a little higher, as in real data; a popularity baseline then learns something.
            double popularityZ = (StrictMath.log(popularity[i]) - meanLogPopularity) / logSpread;
            biases[i] = (float) (random.nextGaussian() * model.movieBiasStd() + model.popularityBias() * popularityZ);
            int age = (int) Math.floor(-StrictMath.log(1 - random.nextDouble()) * model.meanAgeYears());
            years[i] = Math.max(FIRST_RELEASE_YEAR, config.endYear() - age);
            long yearStart = LocalDate.of(years[i], 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            releaseSeconds[i] = yearStart + (long) (random.nextDouble() * 364 * 86_400L);
            titles[i] = titleGenerator.next();
            sum += popularity[i];
            cumulativePopularity[i] = sum;
        }
        buildAliasTable();
    }

    double dot(double[] user, int movie) {
        int offset = movie * dimension;
        double s = 0;
        for (int k = 0; k < dimension; k++) {
            s += user[k] * tastes[offset + k];
        }
        return s;
    }

    /** A movie drawn in proportion to popularity, in constant time (Vose's alias method). */
    int drawByPopularity(Random random) {
        double u = random.nextDouble() * size;
        int column = Math.min(size - 1, (int) u);
        return u - column < aliasProbability[column] ? column : alias[column];
    }

    /**
     * Builds the alias table: each of the {@code size} columns holds at most two movies, its own with probability
     * {@code aliasProbability} and {@code alias} otherwise. A binary search per draw was the hot spot for large
     * catalogues.
     */
    private void buildAliasTable() {
        double total = cumulativePopularity[size - 1];
        double[] scaled = new double[size];
        int[] small = new int[size];
        int[] large = new int[size];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < size; i++) {
            scaled[i] = popularity[i] * size / total;
            if (scaled[i] < 1) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int less = small[--smallCount];
            int more = large[--largeCount];
            aliasProbability[less] = scaled[less];
            alias[less] = more;
            scaled[more] = scaled[more] + scaled[less] - 1;
            if (scaled[more] < 1) {
                small[smallCount++] = more;
            } else {
                large[largeCount++] = more;
            }
        }
        // Whatever is left has probability one up to rounding.
        while (largeCount > 0) {
            int i = large[--largeCount];
            aliasProbability[i] = 1;
            alias[i] = i;
        }
        while (smallCount > 0) {
            int i = small[--smallCount];
            aliasProbability[i] = 1;
            alias[i] = i;
        }
    }

    /** Picks 1-3 genres by their prior, places the taste near them, then names the genres it aligns with most. */
    private List<String> makeTaste(int movie, Random random, TasteModel model) {
        int genreCount = 1 + pickIndex(GENRE_COUNT_SHARES, random);
        int[] chosen = pickGenres(random, genreCount, 1.0);
        double[] v = new double[dimension];
        for (int g : chosen) {
            for (int k = 0; k < dimension; k++) {
                v[k] += genreDirections[g * dimension + k];
            }
        }
        normalise(v);
        double noise = model.movieNoise() / Math.sqrt(dimension);
        for (int k = 0; k < dimension; k++) {
            v[k] += random.nextGaussian() * noise;
        }
        normalise(v);
        double norm = model.movieTasteNorm() * StrictMath.exp(random.nextGaussian() * model.movieTasteSpread());
        for (int k = 0; k < dimension; k++) {
            tastes[movie * dimension + k] = (float) (v[k] * norm);
        }
        return topGenres(v, genreCount);
    }

    /** Names of the {@code count} genres whose directions are closest to {@code v}, in MovieLens's (alphabetical) order. */
    private List<String> topGenres(double[] v, int count) {
        int genreCount = Genres.count();
        double[] alignment = new double[genreCount];
        for (int g = 0; g < genreCount; g++) {
            for (int k = 0; k < dimension; k++) {
                alignment[g] += v[k] * genreDirections[g * dimension + k];
            }
        }
        boolean[] taken = new boolean[genreCount];
        for (int n = 0; n < count; n++) {
            int best = -1;
            for (int g = 0; g < genreCount; g++) {
                if (!taken[g] && (best < 0 || alignment[g] > alignment[best])) {
                    best = g;
                }
            }
            taken[best] = true;
        }
        List<String> names = new ArrayList<>(count);
        for (int g = 0; g < genreCount; g++) {
            if (taken[g]) {
                names.add(Genres.NAMES.get(g));
            }
        }
        return List.copyOf(names);
    }

    /** Distinct genres drawn by prior weight (raised to {@code flatten}); shared with user tastes. */
    static int[] pickGenres(Random random, int count, double flatten) {
        int genreCount = Genres.count();
        double[] weights = new double[genreCount];
        for (int g = 0; g < genreCount; g++) {
            weights[g] = Genres.weight(g, flatten);
        }
        int[] chosen = new int[count];
        for (int n = 0; n < count; n++) {
            int g = pickIndex(weights, random);
            chosen[n] = g;
            weights[g] = 0;
        }
        return chosen;
    }

    static int pickIndex(double[] weights, Random random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no positive weight");
    }

    static void normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] /= norm;
            }
        }
    }

    private static float[] genreDirections(SyntheticConfig config) {
        int d = config.tasteDimension();
        Random random = Seeds.random(config.seed(), Seeds.GENRES);
        float[] directions = new float[Genres.count() * d];
        double[] v = new double[d];
        for (int g = 0; g < Genres.count(); g++) {
            for (int k = 0; k < d; k++) {
                v[k] = random.nextGaussian();
            }
            normalise(v);
            for (int k = 0; k < d; k++) {
                directions[g * d + k] = (float) v[k];
            }
        }
        return directions;
    }

    /** Zipf-Mandelbrot weights over a random ranking of the movies: a few movies get most of the attention. */
    private static double[] popularity(SyntheticConfig config, TasteModel model) {
        int n = config.movies();
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        Random random = Seeds.random(config.seed(), Seeds.POPULARITY);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = StrictMath.pow(rank[i] + 1 + model.popularityOffset(), -config.popularityExponent());
        }
        return weights;
    }
}
