package dev.wren.offline.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.from_unixtime;

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
    private LogStatistics() {}

    public static Map<String, Object> compute(Dataset<Row> ratings, Dataset<Row> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        Row totals = ratings.agg(count("*"), countDistinct("userId"), countDistinct("itemId"))
                .first();
        long catalogue = items.count();
        long ratingCount = totals.getLong(0);
        long ratedItems = totals.getLong(2);
        out.put("ratings", ratingCount);
        out.put("users", totals.getLong(1));
        out.put("ratedItems", ratedItems);
        out.put("catalogueItems", catalogue);
        out.put("catalogueCoverage", catalogue == 0 ? 0.0 : (double) ratedItems / catalogue);

        Map<String, Long> distribution = new LinkedHashMap<>();
        for (Row r : ratings.groupBy("rating").agg(count("*")).orderBy("rating").collectAsList()) {
            distribution.put(Double.toString(r.getDouble(0)), r.getLong(1));
        }
        out.put("ratingDistribution", distribution);

        List<Map<String, Object>> days = ratings
                .withColumn("day", from_unixtime(col("ts"), "yyyy-MM-dd"))
                .groupBy("day")
                .agg(count("*").as("ratings"), countDistinct("userId").as("activeUsers"))
                .orderBy("day")
                .collectAsList()
                .stream()
                .map(r -> Map.<String, Object>of(
                        "day", r.getString(0), "ratings", r.getLong(1), "activeUsers", r.getLong(2)))
                .toList();
        out.put("days", days.size());
        out.put("perDay", days);

        long[] perItem =
                ratings.groupBy("itemId").agg(count("*").as("n")).orderBy(col("n").desc()).collectAsList().stream()
                        .mapToLong(r -> r.getLong(1))
                        .toArray();
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
