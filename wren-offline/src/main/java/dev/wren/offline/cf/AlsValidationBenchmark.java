package dev.wren.offline.cf;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dev.wren.core.eval.TopKMetrics;
import dev.wren.offline.SparkSessions;
import dev.wren.offline.embed.Neighbours;
import dev.wren.offline.io.MovieLensReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * A benchmark, not part of the pipeline: validation NDCG@10 and fit time of implicit ALS settings on one log, which is
 * how the large-log iterations were chosen (wren-offline's BENCHMARK.md). Each rating goes to validation with
 * probability 0.2 by a hash of (user, item); every setting is fitted on the rest with the pipeline's own {@link
 * ImplicitAls}, and the top 10 of every {@code every}-th user, training items excluded, is scored against the user's
 * validation items.
 *
 * <p>{@code wren bench als} runs it; so does {@code AlsValidationBenchmark DATA_DIR EVERY RANK/ITERATIONS...}.
 */
public final class AlsValidationBenchmark {
    private static final int K = 10;

    private AlsValidationBenchmark() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: AlsValidationBenchmark DATA_DIR EVERY RANK/ITERATIONS...");
            System.exit(2);
        }
        List<AlsParams> settings = List.of(args).subList(2, args.length).stream()
                .map(AlsValidationBenchmark::parse)
                .toList();
        run(Path.of(args[0]), Integer.parseInt(args[1]), settings, new PrintWriter(System.out, true));
    }

    /**
     * Fits and scores each setting in turn, printing a line per setting to {@code out}.
     *
     * @param every score every {@code every}-th user (by id)
     * @param settings the ALS parameters to fit, e.g. from {@link #parse}
     */
    public static void run(Path data, int every, List<AlsParams> settings, PrintWriter out) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        SparkSession spark = SparkSessions.open(SparkSessions.DEFAULT_MASTER, 8);
        try {
            Dataset<Row> ratings = new MovieLensReader(spark)
                    .read(data)
                    .ratings()
                    .select(
                            col("userId").cast("int").as("userId"),
                            col("itemId").cast("int").as("itemId"));
            Dataset<Row> tagged = ratings.withColumn(
                            "validation",
                            abs(hash(col("userId"), col("itemId"), lit(7)))
                                    .mod(100)
                                    .lt(20))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> train = tagged.filter(not(col("validation")))
                    .select("userId", "itemId")
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Map<Integer, Set<Integer>> held = byUser(tagged.filter(col("validation")), every);
            Map<Integer, Set<Integer>> seen = byUser(train, every);
            out.printf("%,d training ratings; %,d users scored%n", train.count(), held.size());
            for (AlsParams p : settings) {
                long start = System.nanoTime();
                ALSModel model = ImplicitAls.fitModel(train, p);
                List<Row> items = model.itemFactors().collectAsList();
                double seconds = (System.nanoTime() - start) / 1e9;
                double ndcg = validationNdcg(model, items, held, seen, every);
                out.printf(
                        "ALS rank %d, %d iterations: fit %.0f s, validation NDCG@%d %.4f%n",
                        p.rank(), p.iterations(), seconds, K, ndcg);
                out.flush();
            }
        } finally {
            spark.stop();
        }
    }

    /**
     * {@code RANK/ITERATIONS} over the default ALS parameters.
     *
     * @throws IllegalArgumentException naming the setting when it is not two integers
     */
    public static AlsParams parse(String setting) {
        String[] parts = setting.split("/");
        try {
            if (parts.length == 2) {
                return AlsParams.defaults(42)
                        .withRank(Integer.parseInt(parts[0].trim()))
                        .withIterations(Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("an ALS setting is RANK/ITERATIONS, e.g. 64/10; got '" + setting + "'");
    }

    private static Map<Integer, Set<Integer>> byUser(Dataset<Row> pairs, int every) {
        Map<Integer, Set<Integer>> out = new HashMap<>();
        for (Row r : pairs.filter(col("userId").mod(every).equalTo(0)).collectAsList()) {
            out.computeIfAbsent(r.getInt(0), u -> new HashSet<>()).add(r.getInt(1));
        }
        return out;
    }

    private static double validationNdcg(
            ALSModel model,
            List<Row> items,
            Map<Integer, Set<Integer>> held,
            Map<Integer, Set<Integer>> seen,
            int every) {
        int[] ids = new int[items.size()];
        float[][] factors = new float[items.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = items.get(i).getInt(0);
            factors[i] = floats(items.get(i).getList(1));
        }
        double sum = 0;
        int users = 0;
        for (Row u : model.userFactors().filter(col("id").mod(every).equalTo(0)).collectAsList()) {
            Set<Integer> relevant = held.get(u.getInt(0));
            if (relevant == null) {
                continue;
            }
            Set<Integer> exclude = seen.getOrDefault(u.getInt(0), Set.of());
            int[] top = topK(floats(u.getList(1)), ids, factors, exclude);
            sum += TopKMetrics.score(top, relevant::contains, relevant.size(), K)
                    .ndcg();
            users++;
        }
        return sum / users;
    }

    /** The K items of largest dot product with {@code user}, best first, skipping {@code exclude}. */
    static int[] topK(float[] user, int[] ids, float[][] factors, Set<Integer> exclude) {
        return Neighbours.largestDotProducts(user, factors, ids, K, i -> exclude.contains(ids[i]));
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
