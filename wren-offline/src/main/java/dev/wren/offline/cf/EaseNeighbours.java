package dev.wren.offline.cf;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;

import dev.wren.core.store.FeatureSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits EASE on the driver from the interactions Spark groups by user, and returns each modelled item's strongest
 * weights as a frame: {@code itemId}, {@link FeatureSchema#CF_NEIGHBOURS} (item ids), {@link FeatureSchema#CF_WEIGHTS}.
 * The driver holds every user's item list and the dense n x n matrix while fitting. Stateless.
 */
public final class EaseNeighbours {
    private static final Logger log = LoggerFactory.getLogger(EaseNeighbours.class);

    private EaseNeighbours() {}

    /** @param interactions rows with integer {@code userId} and {@code itemId} */
    public static Dataset<Row> fit(SparkSession spark, Dataset<Row> interactions, CfParams params) {
        Dataset<Row> pairs = interactions.select(col("userId"), col("itemId")).distinct();
        List<Row> counts = pairs.groupBy("itemId")
                .agg(count("*").as("n"))
                .filter(col("n").geq(params.easeMinCount()))
                .orderBy(col("n").desc(), col("itemId"))
                .limit(params.easeMaxItems())
                .collectAsList();
        int[] ids = new int[counts.size()];
        Map<Integer, Integer> index = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = counts.get(i).getInt(0);
            index.put(ids[i], i);
        }
        List<Row> users = pairs.groupBy("userId").agg(collect_list("itemId")).collectAsList();
        int[][] histories = new int[users.size()][];
        for (int u = 0; u < histories.length; u++) {
            List<Integer> items = users.get(u).getList(1);
            histories[u] = items.stream()
                    .map(index::get)
                    .filter(i -> i != null)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        long start = System.nanoTime();
        Ease ease = Ease.fit(histories, ids.length, params.easeLambda(), params.easeDropout());
        log.info(
                "EASE fitted over {} items and {} users in {} ms (lambda {}, dropout {})",
                ids.length,
                histories.length,
                (System.nanoTime() - start) / 1_000_000,
                params.easeLambda(),
                params.easeDropout());
        List<Row> rows = new ArrayList<>(ids.length);
        float[] weights = new float[params.easeNeighbours()];
        for (int i = 0; i < ids.length; i++) {
            int[] top = ease.topNeighbours(i, params.easeNeighbours(), weights);
            Integer[] neighbourIds = new Integer[top.length];
            Float[] neighbourWeights = new Float[top.length];
            for (int k = 0; k < top.length; k++) {
                neighbourIds[k] = ids[top[k]];
                neighbourWeights[k] = weights[k];
            }
            rows.add(RowFactory.create(ids[i], Arrays.asList(neighbourIds), Arrays.asList(neighbourWeights)));
        }
        StructType schema = new StructType()
                .add("itemId", DataTypes.IntegerType, false)
                .add(FeatureSchema.CF_NEIGHBOURS, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
                .add(FeatureSchema.CF_WEIGHTS, DataTypes.createArrayType(DataTypes.FloatType, false), false);
        return spark.createDataFrame(rows, schema);
    }
}
