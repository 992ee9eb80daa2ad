package dev.wren.offline.features;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.wren.core.store.FeatureSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Point-in-time user features: for every rating event, the user's statistics from that user's events strictly before
 * it, with window functions over time. The frame is {@code RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING} on the
 * second-resolution timestamp, so events in the same second as the current one are never seen: "strictly before" holds
 * under ties. Serving features are the same computation at a virtual event just after the end of the log, so the two
 * cannot drift. Thread-safe.
 */
public final class UserFeatures {
    /** The columns {@link #pointInTime} adds, in order. */
    public static final List<String> COLUMNS = List.of(
            "userRatingCount",
            "userRatingAvg",
            "userRatingStd",
            "userReleaseYearAvg",
            "userReleaseYearStd",
            "userRecentPositives",
            "userTopGenres");

    private final UserFeatureParams params;

    public UserFeatures(UserFeatureParams params) {
        this.params = params;
    }

    /**
     * Adds the user columns ({@link #COLUMNS}) to rating events.
     *
     * @param events {@code userId, itemId, rating, ts, releaseYear, genres}
     */
    public Dataset<Row> pointInTime(Dataset<Row> events) {
        WindowSpec before = Window.partitionBy("userId").orderBy("ts").rangeBetween(Window.unboundedPreceding(), -1);
        Column positive = col("rating").geq(params.positiveThreshold());
        // sort_array on (ts, itemId) structs: newest first, ties in the same second broken by item id.
        Column positives = sort_array(
                collect_list(when(positive, struct(col("ts"), col("itemId")))).over(before), false);
        Column genreEvents =
                collect_list(when(positive, struct(col("ts"), col("genres")))).over(before);
        return events.withColumn("userRatingCount", count("rating").over(before))
                .withColumn("userRatingAvg", avg("rating").over(before))
                .withColumn("userRatingStd", stddev_pop("rating").over(before))
                .withColumn("userReleaseYearAvg", avg("releaseYear").over(before))
                .withColumn("userReleaseYearStd", stddev_pop("releaseYear").over(before))
                .withColumn(
                        "userRecentPositives",
                        transform(slice(positives, 1, params.recentPositives()), s -> s.getField("itemId")))
                .withColumn("userTopGenres", topGenres().apply(genreEvents, col("ts")));
    }

    /**
     * One row per user, as of one second after the last event of the whole log, named as in {@link FeatureSchema}:
     * {@code userId, ratingCount, ratingAvg, ratingStd, releaseYearAvg, releaseYearStd, recentPositives, topGenres}.
     */
    public Dataset<Row> serving(Dataset<Row> events) {
        long end = events.agg(max("ts")).first().getLong(0);
        Dataset<Row> sentinels = events.select("userId")
                .distinct()
                .withColumn("itemId", lit(null).cast("int"))
                .withColumn("rating", lit(null).cast("double"))
                .withColumn("ts", lit(end + 1))
                .withColumn("releaseYear", lit(null).cast("int"))
                .withColumn("genres", lit(null).cast("array<string>"))
                .withColumn("sentinel", lit(true));
        Dataset<Row> all = events.select("userId", "itemId", "rating", "ts", "releaseYear", "genres")
                .withColumn("sentinel", lit(false))
                .unionByName(sentinels);
        return pointInTime(all)
                .filter(col("sentinel"))
                .select(
                        col("userId"),
                        col("userRatingCount").as(FeatureSchema.RATING_COUNT),
                        col("userRatingAvg").as(FeatureSchema.RATING_AVG),
                        col("userRatingStd").as(FeatureSchema.RATING_STD),
                        col("userReleaseYearAvg").as(FeatureSchema.RELEASE_YEAR_AVG),
                        col("userReleaseYearStd").as(FeatureSchema.RELEASE_YEAR_STD),
                        col("userRecentPositives").as(FeatureSchema.RECENT_POSITIVES),
                        col("userTopGenres").as(FeatureSchema.TOP_GENRES));
    }

    private UserDefinedFunction topGenres() {
        double halfLifeSeconds = params.genreHalfLifeDays() * 86_400;
        int k = params.topGenres();
        UDF2<scala.collection.Seq<Row>, Long, List<String>> f =
                (events, now) -> rankGenres(CollectionConverters.asJava(events), now, halfLifeSeconds, k);
        return udf(f, DataTypes.createArrayType(DataTypes.StringType));
    }

    /**
     * The {@code k} genres with the largest sum of {@code 0.5^(age / halfLife)} over positive events, ties by name.
     */
    static List<String> rankGenres(List<Row> events, long now, double halfLifeSeconds, int k) {
        Map<String, Double> score = new HashMap<>();
        for (Row e : events) {
            if (e.isNullAt(1)) {
                continue;
            }
            double weight = Math.pow(0.5, (now - e.getLong(0)) / halfLifeSeconds);
            for (String g : e.<String>getList(1)) {
                score.merge(g, weight, Double::sum);
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(score.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return ranked.stream().limit(k).map(Map.Entry::getKey).toList();
    }
}
