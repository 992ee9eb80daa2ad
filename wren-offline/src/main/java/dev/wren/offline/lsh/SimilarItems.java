package dev.wren.offline.lsh;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import dev.wren.offline.embed.Neighbours;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.ml.feature.BucketedRandomProjectionLSH;
import org.apache.spark.ml.feature.BucketedRandomProjectionLSHModel;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Offline similar items with Spark's BucketedRandomProjectionLSH on unit-length item vectors (so Euclidean order is
 * cosine order), and their recall@k against exact neighbours on a seeded sample of items. Stateless.
 */
public final class SimilarItems {
    /**
     * @param similar {@code itemId, similarId, distance, rank} (rank 1 = nearest)
     * @param recallAtK the mean share of the exact k nearest that LSH also returned
     * @param queries the items the recall was measured on
     */
    public record Result(Dataset<Row> similar, double recallAtK, int queries) {}

    private final int k;
    private final long seed;
    private final double bucketLength;
    private final int hashTables;
    private final double maxDistance;

    /**
     * @param bucketLength the LSH bucket width on unit vectors; smaller means fewer candidate pairs
     * @param maxDistance pairs further apart are never candidates (sqrt(2) would accept any non-negative cosine)
     */
    public SimilarItems(int k, long seed, double bucketLength, int hashTables, double maxDistance) {
        this.k = k;
        this.seed = seed;
        this.bucketLength = bucketLength;
        this.hashTables = hashTables;
        this.maxDistance = maxDistance;
    }

    /**
     * k=10, bucket width 0.05, 3 tables, distance at most 0.8 (cosine >= 0.68). Spark's LSH only ORs its tables, so
     * wider buckets or more tables quickly turn the self-join quadratic; these keep ml-latest-small to seconds.
     */
    public static SimilarItems defaults(long seed) {
        return new SimilarItems(10, seed, 0.05, 3, 0.8);
    }

    /** @param itemVectors {@code itemId, vector} */
    public Result run(Dataset<Row> itemVectors, int recallQueries) {
        Dataset<Row> unit = new Normalizer()
                .setP(2)
                .setInputCol("vector")
                .setOutputCol("unit")
                .transform(itemVectors.select("itemId", "vector"))
                .select("itemId", "unit");
        BucketedRandomProjectionLSHModel model = new BucketedRandomProjectionLSH()
                .setInputCol("unit")
                .setOutputCol("hashes")
                .setBucketLength(bucketLength)
                .setNumHashTables(hashTables)
                .setSeed(seed)
                .fit(unit);
        Dataset<Row> pairs = model.approxSimilarityJoin(unit, unit, maxDistance, "distance")
                .select(
                        col("datasetA.itemId").as("itemId"),
                        col("datasetB.itemId").as("similarId"),
                        col("distance"))
                .filter(col("itemId").notEqual(col("similarId")));
        Dataset<Row> similar = pairs.withColumn(
                        "rank",
                        row_number().over(Window.partitionBy("itemId").orderBy(col("distance"), col("similarId"))))
                .filter(col("rank").leq(k));
        return new Result(similar, recall(similar, Neighbours.of(itemVectors), recallQueries), recallQueries);
    }

    private double recall(Dataset<Row> similar, Neighbours exact, int queries) {
        int[] all = exact.ids();
        SplittableRandom random = new SplittableRandom(seed);
        Set<Integer> sample = new HashSet<>();
        int wanted = Math.min(queries, all.length);
        while (sample.size() < wanted) {
            sample.add(all[random.nextInt(all.length)]);
        }
        Map<Integer, Set<Integer>> approx = new HashMap<>();
        for (Row r : similar.filter(col("itemId").isin(sample.toArray()))
                .select("itemId", "similarId")
                .collectAsList()) {
            approx.computeIfAbsent(r.getInt(0), x -> new HashSet<>()).add(r.getInt(1));
        }
        double sum = 0;
        int counted = 0;
        for (int item : new ArrayList<>(sample)) {
            List<Integer> truth = exact.nearest(item, k, Set.of());
            if (truth.isEmpty()) {
                continue;
            }
            Set<Integer> got = approx.getOrDefault(item, Set.of());
            sum += truth.stream().filter(got::contains).count() / (double) truth.size();
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }
}
