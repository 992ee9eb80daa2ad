package dev.wren.offline.samples;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.wren.offline.features.ItemFeatures;
import dev.wren.offline.features.RatingEvents;
import dev.wren.offline.features.UserFeatures;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Builds labelled samples: every rating event with its point-in-time user and item features, the static item columns,
 * and the assignment of each split the parameters write ({@code timeSplit}, {@code userSplit}, each "train" or "test").
 * Optional negatives are items drawn by training-period popularity, asked for their item features at the positive's
 * time. Stateless.
 */
public final class Samples {
    public static final String TRAIN = "train";
    public static final String TEST = "test";

    private final UserFeatures users;
    private final SampleParams params;
    private final long seed;

    /** @param seed the seed of negative sampling */
    public Samples(UserFeatures users, SampleParams params, long seed) {
        this.users = users;
        this.params = params;
        this.seed = seed;
    }

    /** The time at and after which events are test events in the time split. */
    public long timeCutoff(Dataset<Row> ratings) {
        // A rank error of 1e-4 (100 events in a million) keeps the summary small; an exact quantile (error 0) holds and
        // serialises every timestamp, which cost minutes at a million ratings.
        double[] q = ratings.stat().approxQuantile("ts", new double[] {params.trainFraction()}, 1e-4);
        return (long) q[0];
    }

    /** The samples of {@code ratings}; see the class comment for the columns. */
    public Dataset<Row> build(Dataset<Row> ratings, Dataset<Row> items, List<String> vocabulary, long cutoff) {
        return build(users.pointInTime(RatingEvents.of(ratings, items)), ratings, items, vocabulary, cutoff);
    }

    /**
     * The same, from rating events that already carry their point-in-time user features (a run computes them once,
     * with {@link UserFeatures#history}, for serving and samples alike).
     *
     * @param userEvents {@link UserFeatures#pointInTime} of {@link RatingEvents#of}{@code (ratings, items)}
     */
    public Dataset<Row> build(
            Dataset<Row> userEvents, Dataset<Row> ratings, Dataset<Row> items, List<String> vocabulary, long cutoff) {
        return withCatalogue(pointInTime(userEvents, ratings, cutoff), items, vocabulary);
    }

    /**
     * The samples without the static item columns, which {@link #withCatalogue} adds: every column of {@link #build}
     * up to the item's point-in-time features. What a run caches, since the catalogue columns cost a broadcast join
     * to add back and would widen every cached row by the genre multi-hot.
     *
     * @param userEvents {@link UserFeatures#pointInTime} of {@link RatingEvents#of}{@code (ratings, items)}
     */
    public Dataset<Row> pointInTime(Dataset<Row> userEvents, Dataset<Row> ratings, long cutoff) {
        Dataset<Row> events = userEvents
                .withColumn(
                        "label",
                        when(col("rating").geq(params.labelThreshold()), 1).otherwise(0))
                .withColumn("negative", lit(false))
                .withColumn("timeSplit", when(col("ts").lt(cutoff), TRAIN).otherwise(TEST));
        if (params.writes("user")) {
            // A sort of every event by user and time: only when the user split is written.
            events = events.withColumn("userSplit", userSplit());
        }
        if (params.negativesPerPositive() > 0) {
            Dataset<Row> popular = ratings.filter(col("ts").lt(cutoff))
                    .groupBy("itemId")
                    .agg(count("*").as("n"));
            events = events.unionByName(negatives(events, ratings, popular));
        }
        return ItemFeatures.pointInTime(events);
    }

    /** Adds the static item columns (genre slots and multi-hot) of each sample's item to {@link #pointInTime}'s rows. */
    public static Dataset<Row> withCatalogue(Dataset<Row> samples, Dataset<Row> items, List<String> vocabulary) {
        Dataset<Row> catalogue = ItemFeatures.catalogue(items, vocabulary).drop("genres", "releaseYear");
        // A catalogue is small beside the samples: broadcast, so the samples keep their partitions and order.
        return samples.join(broadcast(catalogue), scalaSeq("itemId"), "left");
    }

    /** {@code ratings} with a {@code userSplit} column: "test" for each user's last {@code n} events. */
    public static Dataset<Row> withUserSplit(Dataset<Row> ratings, int n) {
        return ratings.withColumn("userSplit", userSplit(n));
    }

    private Column userSplit() {
        return userSplit(params.leaveLastN());
    }

    private static Column userSplit(int n) {
        // Newest first, ties in the same second by item id, so "last n" is deterministic.
        Column fromEnd = row_number()
                .over(Window.partitionBy("userId")
                        .orderBy(col("ts").desc(), col("itemId").desc()));
        Column total = count("*").over(Window.partitionBy("userId"));
        // A user with no more than n events keeps them all for training.
        return when(fromEnd.leq(n).and(total.gt(n)), TEST).otherwise(TRAIN);
    }

    private Dataset<Row> negatives(Dataset<Row> events, Dataset<Row> ratings, Dataset<Row> popular) {
        List<Row> counts = popular.orderBy("itemId").collectAsList();
        int[] itemIds = new int[counts.size()];
        double[] cumulative = new double[counts.size()];
        double total = 0;
        for (int i = 0; i < itemIds.length; i++) {
            itemIds[i] = counts.get(i).getInt(0);
            total += counts.get(i).getLong(1);
            cumulative[i] = total;
        }
        NegativeSampler sampler = new NegativeSampler(itemIds, cumulative, seed);
        Dataset<Row> drawn = events.filter(
                        col("label").equalTo(1).and(col("negative").equalTo(false)))
                .withColumn(
                        "negItem",
                        explode(sampler.asUdf(params.negativesPerPositive())
                                .apply(col("userId"), col("itemId"), col("ts"))));
        Dataset<Row> rated = ratings.select(col("userId"), col("itemId").as("negItem"));
        // A negative must be an item the user never rated; the columns other than the item are the positive's,
        // so its user features are those at the same moment.
        return drawn.join(
                        rated,
                        CollectionConverters.asScala(List.of("userId", "negItem"))
                                .toSeq(),
                        "left_anti")
                .dropDuplicates("userId", "ts", "negItem")
                .withColumn("itemId", col("negItem"))
                .drop("negItem")
                .withColumn("rating", lit(null).cast("double"))
                .withColumn("label", lit(0))
                .withColumn("negative", lit(true))
                .select(Arrays.stream(events.columns()).map(c -> col(c)).toArray(Column[]::new));
    }

    private static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
        return CollectionConverters.asScala(List.of(names)).toList();
    }
}
