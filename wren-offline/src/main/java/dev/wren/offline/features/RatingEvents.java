package dev.wren.offline.features;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rating events joined with the static item attributes that user features aggregate. Stateless. */
public final class RatingEvents {
    private RatingEvents() {}

    /**
     * {@code userId, itemId, rating, ts, releaseYear, genres}; ratings of items missing from the catalogue keep a null
     * year and no genres rather than being dropped.
     */
    public static Dataset<Row> of(Dataset<Row> ratings, Dataset<Row> items) {
        return ratings.join(items.select("itemId", "releaseYear", "genres"), "itemId", "left")
                .select(
                        col("userId"),
                        col("itemId"),
                        col("rating"),
                        col("ts"),
                        col("releaseYear"),
                        coalesce(col("genres"), array().cast("array<string>")).as("genres"));
    }
}
