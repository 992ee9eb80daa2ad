package dev.wren.offline.cf;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Implicit-feedback matrix factorisation on Spark MLlib: every interaction is a preference of 1 with confidence 1 +
 * alpha, every other pair a preference of 0 with confidence 1. Stateless; thread-safe as Spark jobs are.
 */
public final class ImplicitAls {
    private ImplicitAls() {}

    /** User and item factors: a user's score for an item is the dot product. */
    public record Factors(Map<Integer, float[]> users, Map<Integer, float[]> items, int rank) {}

    /**
     * Fits on the distinct (user, item) pairs of {@code interactions}.
     *
     * @param interactions rows with integer {@code userId} and {@code itemId} columns
     */
    public static ALSModel fitModel(Dataset<Row> interactions, AlsParams params) {
        ensureCheckpoints(interactions.sparkSession());
        Dataset<Row> pairs = interactions
                .select(col("userId").cast("int"), col("itemId").cast("int"))
                .distinct()
                .withColumn("preference", lit(1.0f));
        ALS als = new ALS()
                .setImplicitPrefs(true)
                .setRank(params.rank())
                .setRegParam(params.regParam())
                .setAlpha(params.alpha())
                .setMaxIter(params.iterations())
                .setSeed(params.seed())
                .setUserCol("userId")
                .setItemCol("itemId")
                .setRatingCol("preference")
                .setCheckpointInterval(CHECKPOINT_EVERY)
                .setColdStartStrategy("drop");
        return als.fit(pairs);
    }

    /**
     * Iterations between checkpoints: ALS's lineage grows with every iteration, and without checkpoints a task's
     * deserialisation overflowed the stack after a few dozen fits in one session.
     */
    private static final int CHECKPOINT_EVERY = 5;

    /**
     * Gives a local session a checkpoint folder in the temporary directory when it has none (ALS checkpoints only
     * with one). A cluster session must be given a shared one (spark.checkpoint.dir or setCheckpointDir).
     */
    private static void ensureCheckpoints(SparkSession spark) {
        SparkContext context = spark.sparkContext();
        if (context.getCheckpointDir().isEmpty() && context.isLocal()) {
            try {
                // The session cleans checkpoints up as their data sets are collected (SparkSessions sets it).
                Path dir = Files.createTempDirectory("wren-spark-checkpoints");
                context.setCheckpointDir(dir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a Spark checkpoint folder: " + e.getMessage(), e);
            }
        }
    }

    /** Fits and collects the factors to the driver. */
    public static Factors fit(Dataset<Row> interactions, AlsParams params) {
        ALSModel model = fitModel(interactions, params);
        return new Factors(collect(model.userFactors()), collect(model.itemFactors()), params.rank());
    }

    /** A factors frame ({@code id}, {@code features}) as a map. */
    public static Map<Integer, float[]> collect(Dataset<Row> factors) {
        List<Row> rows = factors.collectAsList();
        Map<Integer, float[]> out = new HashMap<>(rows.size() * 2);
        for (Row r : rows) {
            List<Float> f = r.getList(1);
            float[] v = new float[f.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = f.get(i);
            }
            out.put(r.getInt(0), v);
        }
        return out;
    }
}
