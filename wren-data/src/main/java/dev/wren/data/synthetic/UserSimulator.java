package dev.wren.data.synthetic;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;

/**
 * Simulates one user at a time: a taste, the movies they choose (popularity x affinity), when they rate them, and
 * the ratings. Each user draws from their own random stream.
 *
 * <p>Not thread-safe: it reuses scratch arrays between users to keep the allocation rate low.
 */
final class UserSimulator {
    /** Above this many movies, candidates come from a popularity-drawn pool instead of a scan of all movies. */
    private static final int FULL_SCAN_LIMIT = 5_000;

    private static final int POOL_FACTOR = 4;
    private static final int POOL_EXTRA = 200;
    private static final long SESSION_SECONDS = 2 * 3600L;
    private static final double USER_GENRE_FLATTEN = 0.5;

    private final SyntheticConfig config;
    private final TasteModel model;
    private final MovieCatalogue movies;
    private final long firstSecond;
    private final long lastSecond;
    private final double[] logPopularity;

    private final double[] keys;
    private final double[] scratchKeys;
    private final int[] candidates;
    private final int[] poolCounts;

    UserSimulator(SyntheticConfig config, TasteModel model, MovieCatalogue movies) {
        this.config = config;
        this.model = model;
        this.movies = movies;
        this.firstSecond = LocalDate.of(config.startYear(), 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        this.lastSecond =
                LocalDate.of(config.endYear() + 1, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;
        this.logPopularity = new double[movies.size];
        for (int m = 0; m < movies.size; m++) {
            logPopularity[m] = StrictMath.log(movies.popularity[m]);
        }
        this.keys = new double[movies.size];
        this.scratchKeys = new double[movies.size];
        this.candidates = new int[movies.size];
        this.poolCounts = new int[movies.size];
    }

    long firstSecond() {
        return firstSecond;
    }

    long lastSecond() {
        return lastSecond;
    }

    UserHistory simulate(int userIndex, int ratingCount) {
        Random random = Seeds.random(config.seed(), Seeds.USERS, userIndex);
        int d = config.tasteDimension();
        double[] taste = taste(random, d);
        double bias = random.nextGaussian() * model.userBiasStd();
        double[] drift = new double[d];
        for (int k = 0; k < d; k++) {
            drift[k] = random.nextGaussian();
        }
        MovieCatalogue.normalise(drift);
        double tasteNorm = norm(taste);
        for (int k = 0; k < d; k++) {
            drift[k] *= config.tasteDrift() * tasteNorm;
        }
        boolean wholeStars = random.nextDouble() < config.wholeStarShare();

        // Active period: most users stay a short while, a few for years.
        long range = lastSecond - firstSecond;
        double spanShare = StrictMath.pow(random.nextDouble(), 3);
        long span = Math.max(SESSION_SECONDS, (long) (spanShare * range));
        long start = firstSecond + (long) (random.nextDouble() * (range - span));
        long end = start + span;
        long[] sessions = sessions(random, ratingCount, start, end);

        int[] chosen = choose(random, taste, ratingCount, end);
        int n = chosen.length;
        // Time order, ties broken by movie: pack both into one long and sort primitives (times < 2^33 and at most
        // 10 million movies keep the product far below 2^63).
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            long time = when(random, sessions, movies.releaseSeconds[chosen[i]], end);
            order[i] = time * movies.size + chosen[i];
        }
        Arrays.sort(order);
        long[] times = new long[n];
        int[] sortedMovies = new int[n];
        int[] halfStars = new int[n];
        double[] current = new double[d];
        for (int i = 0; i < n; i++) {
            int movie = (int) (order[i] % movies.size);
            times[i] = order[i] / movies.size;
            sortedMovies[i] = movie;
            double progress = (double) (times[i] - start) / span - 0.5;
            for (int k = 0; k < d; k++) {
                current[k] = taste[k] + progress * drift[k];
            }
            double score = model.globalMean()
                    + bias
                    + movies.biases[movie]
                    + movies.dot(current, movie)
                    + random.nextGaussian() * config.noise();
            halfStars[i] = wholeStars
                    ? 2 * (int) Math.max(1, Math.min(5, Math.round(score)))
                    : (int) Math.max(1, Math.min(10, Math.round(score * 2)));
        }
        return new UserHistory(userIndex + 1, taste, drift, bias, sortedMovies, times, halfStars);
    }

    private double[] taste(Random random, int d) {
        int favourites = 1 + random.nextInt(3);
        int[] genres = MovieCatalogue.pickGenres(random, favourites, USER_GENRE_FLATTEN);
        double[] v = new double[d];
        for (int g : genres) {
            double weight = 0.5 + random.nextDouble();
            for (int k = 0; k < d; k++) {
                v[k] += weight * movies.genreDirections[g * d + k];
            }
        }
        MovieCatalogue.normalise(v);
        double noise = model.userNoise() / Math.sqrt(d);
        for (int k = 0; k < d; k++) {
            v[k] += random.nextGaussian() * noise;
        }
        MovieCatalogue.normalise(v);
        double scale = model.userTasteNorm() * StrictMath.exp(random.nextGaussian() * 0.2);
        for (int k = 0; k < d; k++) {
            v[k] *= scale;
        }
        return v;
    }

    /** Session start times, sorted; the first is the start of the active period. */
    private long[] sessions(Random random, int ratingCount, long start, long end) {
        int count = 1 + random.nextInt(Math.max(1, Math.min(40, ratingCount / 8)));
        long[] sessions = new long[count];
        long latest = Math.max(start, end - SESSION_SECONDS);
        sessions[0] = start;
        for (int i = 1; i < count; i++) {
            sessions[i] = start + (long) (random.nextDouble() * (latest - start));
        }
        Arrays.sort(sessions);
        return sessions;
    }

    /** A time in a session that is open after the movie's release; never after the end of the active period. */
    private long when(Random random, long[] sessions, long release, long end) {
        int first = 0;
        while (first < sessions.length && sessions[first] + SESSION_SECONDS < release) {
            first++;
        }
        long from;
        long to;
        if (first < sessions.length) {
            long session = sessions[first + random.nextInt(sessions.length - first)];
            from = Math.max(session, release);
            to = Math.min(session + SESSION_SECONDS, end);
        } else {
            from = release;
            to = end;
        }
        long t = from + (long) (random.nextDouble() * Math.max(0, to - from));
        return Math.max(firstSecond, Math.min(Math.min(t, end), lastSecond));
    }

    /**
     * Samples movies without replacement with probability proportional to popularity x exp(sharpness x affinity),
     * using the Gumbel top-k trick: perturb each log-weight and keep the largest.
     */
    private int[] choose(Random random, double[] taste, int wanted, long end) {
        int poolSize = POOL_FACTOR * wanted + POOL_EXTRA;
        int candidateCount = 0;
        double sharpness = config.selectionSharpness();
        if (movies.size <= Math.max(FULL_SCAN_LIMIT, poolSize)) {
            for (int m = 0; m < movies.size; m++) {
                if (movies.releaseSeconds[m] <= end) {
                    keys[candidateCount] = logPopularity[m] + sharpness * movies.dot(taste, m) + Seeds.gumbel(random);
                    candidates[candidateCount++] = m;
                }
            }
        } else {
            // A pool drawn by popularity stands in for the whole catalogue; a movie drawn twice counts twice.
            for (int draw = 0; draw < poolSize; draw++) {
                int m = movies.drawByPopularity(random);
                if (movies.releaseSeconds[m] <= end && poolCounts[m]++ == 0) {
                    candidates[candidateCount++] = m;
                }
            }
            for (int i = 0; i < candidateCount; i++) {
                int m = candidates[i];
                keys[i] = StrictMath.log(poolCounts[m]) + sharpness * movies.dot(taste, m) + Seeds.gumbel(random);
                poolCounts[m] = 0;
            }
        }
        int n = Math.min(wanted, candidateCount);
        if (n == 0) {
            return new int[0];
        }
        System.arraycopy(keys, 0, scratchKeys, 0, candidateCount);
        double threshold = select(scratchKeys, candidateCount, candidateCount - n);
        int[] chosen = new int[n];
        int taken = 0;
        for (int i = 0; i < candidateCount && taken < n; i++) {
            if (keys[i] >= threshold) {
                chosen[taken++] = candidates[i];
            }
        }
        return chosen;
    }

    /**
     * The value that would sit at {@code rank} if the first {@code length} values were sorted (quickselect, linear on
     * average; sorting every user's candidates dominated the run time). Reorders the values.
     */
    static double select(double[] values, int length, int rank) {
        int lo = 0;
        int hi = length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double pivot = median(values[lo], values[mid], values[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return values[rank];
            }
        }
        return values[rank];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
