package dev.wren.offline.embed;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Users' time-ordered positive items, as Word2Vec "sentences" and as an item transition graph. Stateless. */
public final class Sequences {
    private Sequences() {}

    /** The positive ratings ({@code userId, itemId, ts}) of a log. */
    public static Dataset<Row> positives(Dataset<Row> ratings, double threshold) {
        return ratings.filter(col("rating").geq(threshold)).select("userId", "itemId", "ts");
    }

    /**
     * One row per user with at least two positives: {@code userId, key (= userId), items ARRAY<STRING>} in time order (ties by item
     * id), the shape Word2Vec reads.
     */
    public static Dataset<Row> sentences(Dataset<Row> positives) {
        return positives
                .groupBy("userId")
                .agg(array_sort(collect_list(struct(col("ts"), col("itemId")))).as("events"))
                .filter(size(col("events")).geq(2))
                .select(
                        col("userId"),
                        col("userId").as("key"),
                        transform(col("events"), e -> e.getField("itemId").cast("string"))
                                .as("items"));
    }

    /** Consecutive positives of a user as directed edges with their counts: {@code src, dst, weight}. */
    public static Dataset<Row> transitions(Dataset<Row> positives) {
        Dataset<Row> next = positives.withColumn(
                "dst", lead("itemId", 1).over(Window.partitionBy("userId").orderBy("ts", "itemId")));
        return next.filter(col("dst").isNotNull().and(col("dst").notEqual(col("itemId"))))
                .groupBy(col("itemId").as("src"), col("dst"))
                .agg(count("*").cast("double").as("weight"));
    }
}
