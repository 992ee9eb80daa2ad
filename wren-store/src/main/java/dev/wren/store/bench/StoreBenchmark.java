package dev.wren.store.bench;

import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureSpec;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureType;
import dev.wren.core.store.Features;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the two reads on the serving path against any store: a batch of item vectors (retrieval and ranking) and one
 * user's feature row. Loads synthetic items and users with the standard features into a new version first, so run it
 * on a scratch store: the loaded version becomes live. Single-threaded; figures are wall-clock from
 * {@link System#nanoTime()} after a warm-up.
 */
public final class StoreBenchmark {
    private static final Logger log = LoggerFactory.getLogger(StoreBenchmark.class);
    private static final int LOAD_BATCH = 10_000;
    private static final List<String> GENRES =
            List.of("Action", "Comedy", "Drama", "Horror", "Romance", "Sci-Fi", "Thriller", "Animation");

    private StoreBenchmark() {}

    /** Latency figures in microseconds. */
    public record Latency(double medianMicros, double p99Micros, double maxMicros, double meanMicros) {
        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(0);
            return new Latency(
                    percentile(sorted, 0.50) / 1e3,
                    percentile(sorted, 0.99) / 1e3,
                    sorted[sorted.length - 1] / 1e3,
                    mean / 1e3);
        }

        private static double percentile(long[] sorted, double q) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
        }
    }

    /**
     * What one run measured.
     *
     * @param store the store's description (secrets redacted)
     * @param loadMillis the time to write and commit the synthetic version
     * @param itemVectors {@code getVectors} of {@code batch} random item embeddings
     * @param userFeatures {@code get} of one random user's row
     * @param itemVectorsCpu the CPU time of the benchmark thread in the same calls: on a busy machine closer to the
     *     store's own cost than wall-clock time, but blind to time spent waiting for a server such as Redis
     * @param userFeaturesCpu likewise for the user rows
     */
    public record Result(
            String store,
            int items,
            int users,
            int dim,
            int batch,
            int iterations,
            long seed,
            long loadMillis,
            Latency itemVectors,
            Latency userFeatures,
            Latency itemVectorsCpu,
            Latency userFeaturesCpu) {
        public String summary() {
            return String.format(
                    "%s: %d items, %d users, %d-d; load %d ms; %d item vectors median %.1f us, p99 %.1f us;"
                            + " one user's features median %.1f us, p99 %.1f us (%d iterations;"
                            + " client CPU medians %.1f us and %.1f us)",
                    store,
                    items,
                    users,
                    dim,
                    loadMillis,
                    batch,
                    itemVectors.medianMicros(),
                    itemVectors.p99Micros(),
                    userFeatures.medianMicros(),
                    userFeatures.p99Micros(),
                    iterations,
                    itemVectorsCpu.medianMicros(),
                    userFeaturesCpu.medianMicros());
        }
    }

    /** As {@link #run(FeatureStore, int, int, int, int, int, long)} with one user per ten items. */
    public static Result run(FeatureStore store, int items, int dim, int batch, int iterations, long seed) {
        return run(store, items, Math.max(1, items / 10), dim, batch, iterations, seed);
    }

    /**
     * Loads {@code items} items and {@code users} users with {@code dim}-d embeddings into a new live version, then
     * times {@code iterations} batch reads of each kind after {@code iterations / 5} warm-up rounds.
     *
     * @throws IllegalArgumentException when the store's schema has no {@code embedding} vector of {@code dim}
     */
    public static Result run(FeatureStore store, int items, int users, int dim, int batch, int iterations, long seed) {
        if (items < 1 || users < 1 || batch < 1 || iterations < 1) {
            throw new IllegalArgumentException("items, users, batch and iterations must be positive");
        }
        checkEmbedding(store.schema(), EntityKind.ITEM, dim);
        checkEmbedding(store.schema(), EntityKind.USER, dim);
        SplittableRandom random = new SplittableRandom(seed);

        long start = System.nanoTime();
        String version = freeVersion(store, "bench-" + seed);
        try (FeatureStore.SnapshotWriter writer = store.beginSnapshot(version)) {
            load(writer, EntityKind.ITEM, items, dim, items, random);
            load(writer, EntityKind.USER, users, dim, items, random);
            writer.commit();
        }
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        log.info("Loaded {} items and {} users into {} version {} in {} ms", items, users, store, version, loadMillis);

        int warmup = Math.max(1, iterations / 5);
        int[][] itemBatches = new int[warmup + iterations][];
        int[] userIds = new int[warmup + iterations];
        for (int i = 0; i < itemBatches.length; i++) {
            itemBatches[i] = random.ints(batch, 0, items).toArray();
            userIds[i] = random.nextInt(users);
        }
        long[] vectorNanos = new long[iterations];
        long[] userNanos = new long[iterations];
        long[] vectorCpu = new long[iterations];
        long[] userCpu = new long[iterations];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int i = 0; i < itemBatches.length; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Map<Integer, float[]> vectors = store.getVectors(EntityKind.ITEM, FeatureSchema.EMBEDDING, itemBatches[i]);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            long t1b = System.nanoTime();
            Map<Integer, Features> user = store.get(EntityKind.USER, new int[] {userIds[i]});
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            if (vectors.isEmpty() || user.size() != 1) {
                throw new IllegalStateException("the store lost rows during the benchmark: " + store);
            }
            checksum += vectors.size() + user.size(); // keeps the reads from being optimised away
            if (i >= warmup) {
                vectorNanos[i - warmup] = t1 - t0;
                userNanos[i - warmup] = t2 - t1b;
                vectorCpu[i - warmup] = c1 - c0;
                userCpu[i - warmup] = c2 - c1;
            }
        }
        Result result = new Result(
                store.toString(),
                items,
                users,
                dim,
                batch,
                iterations,
                seed,
                loadMillis,
                Latency.of(vectorNanos),
                Latency.of(userNanos),
                Latency.of(vectorCpu),
                Latency.of(userCpu));
        log.info("{} (checksum {})", result.summary(), checksum);
        return result;
    }

    private static void checkEmbedding(FeatureSchema schema, EntityKind kind, int dim) {
        FeatureSpec spec = schema.spec(kind, FeatureSchema.EMBEDDING);
        if (spec.type() != FeatureType.VECTOR || spec.dimension() != dim) {
            throw new IllegalArgumentException(
                    "the store's schema has " + kind.name().toLowerCase() + " '"
                            + spec.name() + "' of " + spec.type() + " " + spec.dimension() + ", the benchmark needs a "
                            + dim + "-d vector; open it with FeatureSchema.standard(" + dim + ")");
        }
    }

    private static String freeVersion(FeatureStore store, String base) {
        List<String> taken = store.versions();
        String version = base;
        for (int n = 2; taken.contains(version); n++) {
            version = base + "-" + n;
        }
        return version;
    }

    private static void load(
            FeatureStore.SnapshotWriter writer,
            EntityKind kind,
            int count,
            int dim,
            int items,
            SplittableRandom random) {
        Map<Integer, Features> batch = new HashMap<>();
        for (int id = 0; id < count; id++) {
            batch.put(id, kind == EntityKind.ITEM ? item(dim, random) : user(dim, items, random));
            if (batch.size() == LOAD_BATCH || id == count - 1) {
                writer.put(kind, batch);
                batch.clear();
            }
        }
    }

    private static Features item(int dim, SplittableRandom random) {
        int ratings = random.nextInt(1, 5_000);
        return Features.builder()
                .number(FeatureSchema.RELEASE_YEAR, random.nextInt(1920, 2024))
                .textList(FeatureSchema.GENRES, List.of(genre(random), genre(random)))
                .number(FeatureSchema.RATING_COUNT, ratings)
                .number(FeatureSchema.RATING_AVG, 1 + 4 * random.nextDouble())
                .number(FeatureSchema.RATING_STD, random.nextDouble())
                .number(FeatureSchema.POPULARITY_RANK, random.nextInt(1, 100_000))
                .number(FeatureSchema.FIRST_RATING_TIME, 9e8 + random.nextInt(1_000_000))
                .number(FeatureSchema.LAST_RATING_TIME, 1.5e9 + random.nextInt(1_000_000))
                .vector(FeatureSchema.EMBEDDING, vector(dim, random))
                .build();
    }

    private static Features user(int dim, int items, SplittableRandom random) {
        return Features.builder()
                .number(FeatureSchema.RATING_COUNT, random.nextInt(1, 500))
                .number(FeatureSchema.RATING_AVG, 1 + 4 * random.nextDouble())
                .number(FeatureSchema.RATING_STD, random.nextDouble())
                .number(FeatureSchema.RELEASE_YEAR_AVG, 1990 + 20 * random.nextDouble())
                .number(FeatureSchema.RELEASE_YEAR_STD, 10 * random.nextDouble())
                .intList(
                        FeatureSchema.RECENT_POSITIVES,
                        random.ints(5, 0, items).boxed().toList())
                .textList(FeatureSchema.TOP_GENRES, List.of(genre(random), genre(random), genre(random)))
                .vector(FeatureSchema.EMBEDDING, vector(dim, random))
                .build();
    }

    private static String genre(SplittableRandom random) {
        return GENRES.get(random.nextInt(GENRES.size()));
    }

    private static float[] vector(int dim, SplittableRandom random) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
