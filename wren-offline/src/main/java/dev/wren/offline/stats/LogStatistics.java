package dev.wren.offline.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Monitoring statistics of a rating log, as a JSON-ready map: ratings and active users per day (UTC), the rating
 * distribution, catalogue coverage and the long tail (how concentrated ratings are on popular items). Stateless.
 */
public final class LogStatistics {
    private static final long SECONDS_PER_DAY = 86_400;

    private LogStatistics() {}

    public static Map<String, Object> compute(Dataset<Row> ratings, Dataset<Row> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        long catalogue = items.count();
        // Per item and per (day, user) first: every figure below comes from these two small aggregates, where
        // countDistinct beside other aggregates would expand every rating into one row per distinct column, and
        // formatting a date per rating cost more than the counting.
        List<Row> perItemRows = ratings.groupBy("itemId")
                .agg(count("*").as("n"))
                .orderBy(col("n").desc())
                .collectAsList();
        Dataset<Row> dayUsers = ratings.groupBy(
                        floor(col("ts").divide(SECONDS_PER_DAY)).as("day"), col("userId"))
                .agg(count("*").as("n"));
        List<Row> perDayRows = dayUsers.groupBy("day")
                .agg(sum("n").as("ratings"), count("*").as("activeUsers"))
                .orderBy("day")
                .collectAsList();
        long users = dayUsers.select("userId").distinct().count();
        long[] perItem = perItemRows.stream().mapToLong(r -> r.getLong(1)).toArray();
        long ratingCount = java.util.Arrays.stream(perItem).sum();
        long ratedItems = perItem.length;
        out.put("ratings", ratingCount);
        out.put("users", users);
        out.put("ratedItems", ratedItems);
        out.put("catalogueItems", catalogue);
        out.put("catalogueCoverage", catalogue == 0 ? 0.0 : (double) ratedItems / catalogue);

        Map<String, Long> distribution = new LinkedHashMap<>();
        for (Row r : ratings.groupBy("rating").agg(count("*")).orderBy("rating").collectAsList()) {
            distribution.put(Double.toString(r.getDouble(0)), r.getLong(1));
        }
        out.put("ratingDistribution", distribution);

        List<Map<String, Object>> days = perDayRows.stream()
                .map(r -> Map.<String, Object>of(
                        "day",
                        LocalDate.ofEpochDay(r.getLong(0)).toString(),
                        "ratings",
                        r.getLong(1),
                        "activeUsers",
                        r.getLong(2)))
                .toList();
        out.put("days", days.size());
        out.put("perDay", days);
        out.put("longTail", longTail(perItem, ratingCount));
        return out;
    }

    /** Shares of ratings on the top items, items needed for 80% of ratings, Gini coefficient of item popularity. */
    static Map<String, Object> longTail(long[] descendingCounts, long total) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = descendingCounts.length;
        if (n == 0 || total == 0) {
            return out;
        }
        long cumulative = 0;
        int itemsFor80 = -1;
        long top1 = 0;
        long top10 = 0;
        long top20 = 0;
        for (int i = 0; i < n; i++) {
            cumulative += descendingCounts[i];
            if (itemsFor80 < 0 && cumulative >= 0.8 * total) {
                itemsFor80 = i + 1;
            }
            if (i < Math.max(1, n / 100)) {
                top1 += descendingCounts[i];
            }
            if (i < Math.max(1, n / 10)) {
                top10 += descendingCounts[i];
            }
            if (i < Math.max(1, n / 5)) {
                top20 += descendingCounts[i];
            }
        }
        // Gini over ascending counts: 1 - 2 * area under the Lorenz curve.
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            weighted += (double) (i + 1) * descendingCounts[n - 1 - i];
        }
        double gini = (2 * weighted) / (n * (double) total) - (n + 1.0) / n;
        out.put("shareOfTop1PercentItems", (double) top1 / total);
        out.put("shareOfTop10PercentItems", (double) top10 / total);
        out.put("shareOfTop20PercentItems", (double) top20 / total);
        out.put("itemsFor80PercentOfRatings", itemsFor80);
        out.put(
                "itemsRatedOnce",
                java.util.Arrays.stream(descendingCounts).filter(c -> c == 1).count());
        out.put("gini", gini);
        return out;
    }
}
