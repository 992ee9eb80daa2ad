package dev.wren.offline.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.store.FeatureSchema;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Point-in-time user features: for every rating event, the user's statistics from that user's events strictly before
 * it: events in the same second as the current one are never seen, so "strictly before" holds under ties. Computed in
 * one time-ordered pass per user ({@link UserHistoryScan}), linear in the user's history; a window frame collecting
 * the whole history for every event was quadratic. Serving features are the same pass's state after each user's last
 * event (what a virtual event just after the end of the log would see), so the two cannot drift. Thread-safe.
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

    private final UserFeatureRules params;

    public UserFeatures(UserFeatureRules params) {
        this.params = params;
    }

    /**
     * Adds the user columns ({@link #COLUMNS}) to rating events.
     *
     * @param events {@code userId, itemId, rating, ts, releaseYear, genres}
     */
    public Dataset<Row> pointInTime(Dataset<Row> events) {
        StructType in = events.schema();
        StructType out = withUserColumns(in);
        int userAt = in.fieldIndex("userId");
        // Each user's events in time order (ties by item id), scanned once with running statistics.
        return events.groupByKey((MapFunction<Row, Integer>) r -> r.getInt(userAt), Encoders.INT())
                .flatMapSortedGroups(
                        new Column[] {col("ts"), col("itemId")}, new UserHistoryScan(in, params), Encoders.row(out));
    }

    /**
     * One row per user, as of one second after the last event of the whole log, named as in {@link FeatureSchema}:
     * {@code userId, ratingCount, ratingAvg, ratingStd, releaseYearAvg, releaseYearStd, recentPositives, topGenres}.
     * The state after the user's last event, which is what a query one second after the end of the log would see.
     */
    public Dataset<Row> serving(Dataset<Row> events) {
        StructType out = withUserColumns(new StructType().add("userId", DataTypes.IntegerType, false));
        // One shuffle by user and a sort within each partition: no grouping object per user and one row out per user.
        Dataset<Row> last = events.repartition(col("userId"))
                .sortWithinPartitions(col("userId"), col("ts"), col("itemId"))
                .mapPartitions(new LastUserState(events.schema(), params), Encoders.row(out));
        return renamed(last);
    }

    /**
     * The events with their point-in-time user features ({@link #pointInTime}), plus one query row per user one second
     * after the end of the log, marked {@code sentinel = true}: {@link #servingOf} and {@link #eventsOf} split it into
     * the serving features and the samples' user features.
     *
     * @param events {@code userId, itemId, rating, ts, releaseYear, genres}
     */
    public Dataset<Row> history(Dataset<Row> events) {
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
        // A sentinel comes after every event of its user and rates nothing, so the events' features are unchanged.
        return pointInTime(all);
    }

    /** The serving rows of a {@link #history}. */
    public static Dataset<Row> servingOf(Dataset<Row> history) {
        return renamed(history.filter(col("sentinel")));
    }

    /** {@code schema} followed by the user columns ({@link #COLUMNS}), as the scans write them. */
    private static StructType withUserColumns(StructType schema) {
        return schema.add("userRatingCount", DataTypes.LongType, false)
                .add("userRatingAvg", DataTypes.DoubleType)
                .add("userRatingStd", DataTypes.DoubleType)
                .add("userReleaseYearAvg", DataTypes.DoubleType)
                .add("userReleaseYearStd", DataTypes.DoubleType)
                .add("userRecentPositives", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
                .add("userTopGenres", DataTypes.createArrayType(DataTypes.StringType, false), false);
    }

    /** {@code userId} and the user columns, named as in {@link FeatureSchema}. */
    private static Dataset<Row> renamed(Dataset<Row> rows) {
        return rows.select(
                col("userId"),
                col("userRatingCount").as(FeatureSchema.RATING_COUNT),
                col("userRatingAvg").as(FeatureSchema.RATING_AVG),
                col("userRatingStd").as(FeatureSchema.RATING_STD),
                col("userReleaseYearAvg").as(FeatureSchema.RELEASE_YEAR_AVG),
                col("userReleaseYearStd").as(FeatureSchema.RELEASE_YEAR_STD),
                col("userRecentPositives").as(FeatureSchema.RECENT_POSITIVES),
                col("userTopGenres").as(FeatureSchema.TOP_GENRES));
    }

    /** The rating events of a {@link #history}, as {@link #pointInTime} returns them. */
    public static Dataset<Row> eventsOf(Dataset<Row> history) {
        return history.filter(col("sentinel").equalTo(false)).drop("sentinel");
    }
}
