package dev.wren.offline.features;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.when;

import dev.wren.core.store.FeatureSchema;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Item features. {@link #aggregate} summarises a whole rating log (serving features, or a training period);
 * {@link #pointInTime} attaches to every rating event the item's statistics from ratings strictly before it. Stateless.
 */
public final class ItemFeatures {
    /** The genre slot value when an item has fewer than three genres. */
    public static final String NO_GENRE = "none";

    private ItemFeatures() {}

    /** The sorted set of genres in the catalogue: the multi-hot's dimensions, recorded in the manifest. */
    public static List<String> genreVocabulary(Dataset<Row> items) {
        return items.select(explode(col("genres")).as("g")).distinct().orderBy("g").collectAsList().stream()
                .map(r -> r.getString(0))
                .toList();
    }

    /** A genre multi-hot ML vector over {@code vocabulary}. */
    public static Column multiHot(Column genres, List<String> vocabulary) {
        Column[] flags = vocabulary.stream()
                .map(g -> when(array_contains(genres, g), 1.0).otherwise(0.0))
                .toArray(Column[]::new);
        return functions.array_to_vector(array(flags));
    }

    /** Static catalogue columns: year, the first three genres (or {@value #NO_GENRE}) and the multi-hot. */
    public static Dataset<Row> catalogue(Dataset<Row> items, List<String> vocabulary) {
        return items.select(
                col("itemId"),
                col("releaseYear"),
                col("genres"),
                genreSlot(0).as("genre1"),
                genreSlot(1).as("genre2"),
                genreSlot(2).as("genre3"),
                multiHot(col("genres"), vocabulary).as("genreMultiHot"));
    }

    /**
     * One row per catalogue item with the statistics of {@code ratings}: count (0 when never rated), average and
     * population standard deviation (null when never rated), popularity rank (1 = most rated, ties by id), first and
     * last rating time. Column names are {@link FeatureSchema}'s.
     */
    public static Dataset<Row> aggregate(Dataset<Row> ratings, Dataset<Row> items, List<String> vocabulary) {
        Dataset<Row> stats = ratings.groupBy("itemId")
                .agg(
                        count("rating").as(FeatureSchema.RATING_COUNT),
                        avg("rating").as(FeatureSchema.RATING_AVG),
                        stddev_pop("rating").as(FeatureSchema.RATING_STD),
                        min("ts").as(FeatureSchema.FIRST_RATING_TIME),
                        max("ts").as(FeatureSchema.LAST_RATING_TIME));
        Dataset<Row> rows = catalogue(items, vocabulary)
                .join(stats, "itemId", "left")
                .withColumn(FeatureSchema.RATING_COUNT, coalesce(col(FeatureSchema.RATING_COUNT), lit(0L)));
        Dataset<Row> ranks = popularityRanks(rows.select(col("itemId"), col(FeatureSchema.RATING_COUNT)));
        return rows.join(ranks, "itemId");
    }

    /**
     * {@code itemId, popularityRank}: 1 for the most rated, ties by id. A window ordered over the whole catalogue has
     * no partition key, and Spark moves every row of such a window, with everything planned before it, into one task;
     * a range-partitioned sort numbered by {@code zipWithIndex} keeps both cores busy.
     *
     * @param counts {@code itemId, ratingCount}, one row per item
     */
    private static Dataset<Row> popularityRanks(Dataset<Row> counts) {
        JavaRDD<Row> ranked = counts.orderBy(col(FeatureSchema.RATING_COUNT).desc(), col("itemId"))
                .javaRDD()
                .zipWithIndex()
                .map(r -> RowFactory.create(r._1().getInt(0), (int) (r._2() + 1)));
        StructType schema = new StructType()
                .add("itemId", DataTypes.IntegerType, false)
                .add(FeatureSchema.POPULARITY_RANK, DataTypes.IntegerType, false);
        return counts.sparkSession().createDataFrame(ranked, schema);
    }

    /**
     * The rating events with the item's statistics from ratings strictly before each event (the frame ends one second
     * earlier, so ratings in the same second are excluded too): {@code itemRatingCount, itemRatingAvg, itemRatingStd,
     * itemFirstRatingTime, itemLastRatingTime}. Rows with a null rating are point-in-time queries: they
     * receive features and count for nothing. The popularity rank is a catalogue-wide ordering and is left to serving.
     */
    public static Dataset<Row> pointInTime(Dataset<Row> events) {
        WindowSpec before = Window.partitionBy("itemId").orderBy("ts").rangeBetween(Window.unboundedPreceding(), -1);
        // Rows with a null rating are queries (negative samples asking for an item's state at a time): they get
        // features but contribute none.
        Column ratedAt = when(col("rating").isNotNull(), col("ts"));
        return events.withColumn("itemRatingCount", count("rating").over(before))
                .withColumn("itemRatingAvg", avg("rating").over(before))
                .withColumn("itemRatingStd", stddev_pop("rating").over(before))
                .withColumn("itemFirstRatingTime", min(ratedAt).over(before))
                .withColumn("itemLastRatingTime", max(ratedAt).over(before));
    }

    private static Column genreSlot(int index) {
        return coalesce(col("genres").getItem(index), lit(NO_GENRE));
    }
}
