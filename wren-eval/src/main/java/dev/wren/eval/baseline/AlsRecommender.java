package dev.wren.eval.baseline;

import dev.wren.eval.data.RatingLog;
import dev.wren.eval.data.TrainingData;
import dev.wren.offline.cf.AlsParams;
import dev.wren.offline.cf.ImplicitAls;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Implicit ALS fitted on Spark MLlib; a user's score for an item is the dot product of their factors (items without
 * factors score lowest). Thread-safe after construction.
 */
public final class AlsRecommender implements TopKRecommender {
    private final TrainingData data;
    private final AlsParams params;
    private final float[][] itemFactors; // by slot; null for items ALS never saw
    private final ImplicitAls.Factors factors;

    public AlsRecommender(SparkSession spark, RatingLog train, TrainingData data, AlsParams params) {
        this.data = data;
        this.params = params;
        this.factors = ImplicitAls.fit(frame(spark, train), params);
        this.itemFactors = new float[data.items().size()][];
        factors.items().forEach((id, v) -> {
            int s = data.items().slot(id);
            if (s >= 0) {
                itemFactors[s] = v;
            }
        });
    }

    /** A rating log as a Spark frame of {@code userId}, {@code itemId}. */
    public static Dataset<Row> frame(SparkSession spark, RatingLog log) {
        List<Row> rows = new ArrayList<>(log.size());
        for (int r = 0; r < log.size(); r++) {
            rows.add(RowFactory.create(log.user(r), log.item(r)));
        }
        StructType schema = new StructType()
                .add("userId", DataTypes.IntegerType, false)
                .add("itemId", DataTypes.IntegerType, false);
        return spark.createDataFrame(rows, schema);
    }

    @Override
    public String name() {
        return "ALS";
    }

    public AlsParams params() {
        return params;
    }

    @Override
    public int[] recommend(int userId, int k) {
        float[] scores = scores(userId);
        for (int s = 0; s < scores.length; s++) {
            if (Float.isNaN(scores[s])) {
                scores[s] = -1e9f;
            }
        }
        return SlotScores.best(scores, data.slotsOfUser(userId), k, data);
    }

    /** The user's score for every catalogue slot: NaN where the user or the item has no factors. */
    float[] scores(int userId) {
        float[] user = factors.users().get(userId);
        float[] scores = new float[data.items().size()];
        for (int s = 0; s < scores.length; s++) {
            float[] item = itemFactors[s];
            if (user == null || item == null) {
                scores[s] = Float.NaN;
                continue;
            }
            float dot = 0;
            for (int d = 0; d < item.length; d++) {
                dot += user[d] * item[d];
            }
            scores[s] = dot;
        }
        return scores;
    }
}
