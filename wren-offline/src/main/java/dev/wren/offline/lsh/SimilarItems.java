package dev.wren.offline.lsh;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
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
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.collection.Seq;

/**
 * Offline similar items: for catalogues of at most {@code exactMaxItems} items, every item compared with every other
 * ({@link ExactSimilarItems}); above that, locality-sensitive hashing of unit-length item vectors (so Euclidean order
 * is cosine order). Either way, their recall@k against an independent exact search on a seeded sample of items.
 * Stateless.
 *
 * <p>The hash functions are Spark's {@link BucketedRandomProjectionLSH} (a random direction, cut into buckets), grouped
 * as textbook LSH groups them: two items are candidates when they share every bucket of some band of {@code rows}
 * projections (an AND within the band, an OR across {@code bands}). Spark's own {@code approxSimilarityJoin} ORs
 * single projections, so its candidate pairs grow with the square of the catalogue: on 60,000 items a bucket holds
 * thousands of them. The vectors are hashed after centring (item embeddings share a common direction), a bucket
 * crowded past {@code maxBucket} items is cut into runs along one more random direction, and candidates are checked by
 * their exact distance: at most {@code bands * maxBucket / 2} candidates per item.
 */
public final class SimilarItems {
    /**
     * @param similar {@code itemId, similarId, distance, rank} (rank 1 = nearest); cached: unpersist it when written
     * @param recallAtK the mean share of the exact k nearest within the maximum distance that the result also holds
     * @param queries the items the recall was measured on
     * @param method {@code exact} or {@code lsh}
     */
    public record Result(Dataset<Row> similar, double recallAtK, int queries, String method) {}

    private final int k;
    private final long seed;
    private final double bucketLength;
    private final int bands;
    private final int rows;
    private final int maxBucket;
    private final double maxDistance;
    private final long exactMaxItems;

    /**
     * @param bucketLength the bucket width of one projection of a unit vector
     * @param bands how many bands of projections; more find more true neighbours and more candidates
     * @param rows projections per band; more make candidates rarer (far pairs far more than near ones)
     * @param maxBucket a bucket with more items is cut into runs of this many, ordered along a random direction
     * @param maxDistance pairs further apart are never similar (sqrt(2) would accept any non-negative cosine)
     * @param exactMaxItems catalogues of at most this many items are searched exactly, larger ones by LSH
     */
    public SimilarItems(
            int k,
            long seed,
            double bucketLength,
            int bands,
            int rows,
            int maxBucket,
            double maxDistance,
            long exactMaxItems) {
        if (k < 1 || bands < 1 || rows < 1 || maxBucket < 2 || !(bucketLength > 0) || !(maxDistance > 0)) {
            throw new IllegalArgumentException("LSH parameters must be positive");
        }
        if (exactMaxItems < 0) {
            throw new IllegalArgumentException("exactMaxItems must not be negative: " + exactMaxItems);
        }
        this.exactMaxItems = exactMaxItems;
        this.k = k;
        this.seed = seed;
        this.bucketLength = bucketLength;
        this.bands = bands;
        this.rows = rows;
        this.maxBucket = maxBucket;
        this.maxDistance = maxDistance;
    }

    /**
     * k=10, distance at most 0.8 (cosine >= 0.68); exact up to 100,000 items (MovieLens' largest catalogues have about
     * 60,000), where LSH's recall fell to 0.45; above, 32 bands of 5 projections cut every 0.3 and crowded buckets cut
     * into runs of 40: at most 640 candidates per item, whatever the catalogue's size or its vectors' spread.
     */
    public static SimilarItems defaults(long seed) {
        return new SimilarItems(10, seed, 0.3, 32, 5, 40, 0.8, 100_000);
    }

    /**
     * @param itemVectors {@code itemId, vector}
     * @param partitions how many tasks share an exact search
     */
    public Result run(Dataset<Row> itemVectors, int recallQueries, int partitions) {
        // On the driver for the recall check either way; the exact search broadcasts the same unit vectors.
        Neighbours exact = Neighbours.of(itemVectors);
        if (exact.size() <= exactMaxItems) {
            Dataset<Row> similar = new ExactSimilarItems(k, maxDistance)
                    .run(itemVectors.sparkSession(), exact, partitions)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            return new Result(similar, recall(similar, exact, recallQueries), recallQueries, "exact");
        }
        return lsh(itemVectors, exact, recallQueries);
    }

    private Result lsh(Dataset<Row> itemVectors, Neighbours exact, int recallQueries) {
        Dataset<Row> unit = new Normalizer()
                .setP(2)
                .setInputCol("vector")
                .setOutputCol("unit")
                .transform(itemVectors.select("itemId", "vector"))
                .select("itemId", "unit");
        // Hashed after centring: item vectors share a common direction, so on the raw unit vectors every projection
        // lands in the same few buckets. Centring moves the cone's axis to the origin and spreads the directions;
        // candidates are still judged by their true distance below.
        Vector mean = (Vector) unit.select(Summarizer.mean(col("unit"))).first().get(0);
        Dataset<Row> spread = unit.withColumn("centred", centred(mean).apply(col("unit")));
        BucketedRandomProjectionLSHModel model = new BucketedRandomProjectionLSH()
                .setInputCol("centred")
                .setOutputCol("hashes")
                .setBucketLength(bucketLength)
                .setNumHashTables(bands * rows)
                .setSeed(seed)
                .fit(spread);
        int dim = mean.size();
        Dataset<Row> keys = model.transform(spread)
                .select(
                        col("itemId"),
                        explode(bandKeys(dim).apply(col("hashes"), col("centred")))
                                .as("k"))
                .select(col("itemId"), col("k.band").as("band"), col("k.order").as("order"));
        // A crowded bucket is cut into runs of at most maxBucket items along one more random direction, so no bucket
        // costs more than maxBucket^2 / 2 pairs whatever the vectors look like: at most bands * maxBucket / 2
        // candidates per item. (Poorly trained vectors can pile thousands of items into one bucket of every band.)
        Dataset<Row> chunked = keys.withColumn(
                        "chunk",
                        floor(row_number()
                                .over(Window.partitionBy("band").orderBy(col("order"), col("itemId")))
                                .minus(1)
                                .divide(maxBucket)))
                .select("itemId", "band", "chunk");
        // Each unordered pair once; a pair sharing several bands is one candidate.
        Dataset<Row> candidates = chunked.as("a")
                .join(
                        chunked.as("b"),
                        col("a.band")
                                .equalTo(col("b.band"))
                                .and(col("a.chunk").equalTo(col("b.chunk")))
                                .and(col("a.itemId").lt(col("b.itemId"))))
                .select(col("a.itemId").as("left"), col("b.itemId").as("right"))
                .distinct();
        Dataset<Row> left = unit.select(col("itemId").as("left"), col("unit").as("u"));
        Dataset<Row> right = unit.select(col("itemId").as("right"), col("unit").as("v"));
        Dataset<Row> close = candidates
                .join(left, "left")
                .join(right, "right")
                .withColumn("distance", distance().apply(col("u"), col("v")))
                .filter(col("distance").leq(maxDistance))
                .select("left", "right", "distance");
        Dataset<Row> pairs = close.select(col("left").as("itemId"), col("right").as("similarId"), col("distance"))
                .union(close.select(col("right").as("itemId"), col("left").as("similarId"), col("distance")));
        Dataset<Row> similar = pairs.withColumn(
                        "rank",
                        row_number().over(Window.partitionBy("itemId").orderBy(col("distance"), col("similarId"))))
                .filter(col("rank").leq(k))
                // Read twice: by the recall below and by the caller's write; the caller unpersists it.
                .persist(StorageLevel.MEMORY_AND_DISK());
        return new Result(similar, recall(similar, exact, recallQueries), recallQueries, "lsh");
    }

    /**
     * One key per band (the band's index and its projections' buckets, mixed into a long) with the item's position
     * along the band's own random direction, which orders a crowded bucket.
     */
    private UserDefinedFunction bandKeys(int dim) {
        int b = bands;
        int r = rows;
        java.util.Random random = new java.util.Random(seed);
        double[][] directions = new double[b][dim];
        for (double[] d : directions) {
            for (int i = 0; i < dim; i++) {
                d[i] = random.nextGaussian();
            }
        }
        UDF2<Seq<Vector>, Vector, List<Row>> f = (hashes, centred) -> {
            List<Row> out = new ArrayList<>(b);
            double[] x = centred.toArray();
            for (int band = 0; band < b; band++) {
                long key = band;
                for (int i = 0; i < r; i++) {
                    long bucket = (long) hashes.apply(band * r + i).apply(0);
                    key = (key ^ bucket) * 0x9E3779B97F4A7C15L;
                    key ^= key >>> 29;
                }
                double order = 0;
                for (int i = 0; i < x.length; i++) {
                    order += x[i] * directions[band][i];
                }
                out.add(RowFactory.create(key, order));
            }
            return out;
        };
        StructType entry =
                new StructType().add("band", DataTypes.LongType, false).add("order", DataTypes.DoubleType, false);
        return org.apache.spark.sql.functions.udf(f, DataTypes.createArrayType(entry, false));
    }

    /** {@code v - mean}, scaled to unit length (a zero difference stays zero). */
    private static UserDefinedFunction centred(Vector mean) {
        double[] m = mean.toArray();
        UDF1<Vector, Vector> f = v -> {
            double[] x = v.toArray().clone();
            double norm = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] -= m[i];
                norm += x[i] * x[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < x.length && norm > 0; i++) {
                x[i] /= norm;
            }
            return Vectors.dense(x);
        };
        return org.apache.spark.sql.functions.udf(f, new VectorUDT());
    }

    private static UserDefinedFunction distance() {
        UDF2<Vector, Vector, Double> f = (u, v) -> Math.sqrt(Vectors.sqdist(u, v));
        return org.apache.spark.sql.functions.udf(f, DataTypes.DoubleType);
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
            // The truth obeys the same rule as the result: nothing further than the maximum distance is similar.
            List<Integer> truth = exact.nearest(item, k, Set.of()).stream()
                    .filter(other -> Math.sqrt(Math.max(0, 2 - 2 * exact.cosine(item, other))) <= maxDistance)
                    .toList();
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
