package dev.wren.offline.embed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;

import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A user's embedding is the recency-weighted mean of the embeddings of the items the user rated positively: weight
 * {@code 0.5^(age / halfLife)}, age measured from {@code asOf}. Stateless.
 */
public final class UserEmbeddings {
    private UserEmbeddings() {}

    /**
     * @param positives {@code userId, itemId, ts}
     * @param itemVectors {@code itemId, vector}
     * @return {@code userId, vector}; users none of whose positives has a vector are absent
     */
    public static Dataset<Row> recencyWeighted(
            Dataset<Row> positives, Dataset<Row> itemVectors, long asOf, double halfLifeDays) {
        double halfLifeSeconds = halfLifeDays * 86_400;
        return positives
                .join(itemVectors, "itemId")
                .withColumn("weight", pow(lit(0.5), lit(asOf).minus(col("ts")).divide(halfLifeSeconds)))
                .groupBy("userId")
                .agg(Summarizer.mean(col("vector"), col("weight")).as("vector"));
    }
}
