package dev.wren.offline.embed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Next-item hit rate@k: for each evaluated user, the k nearest neighbours of the user's last positive training item
 * (items the user already rated excluded) are the recommendation; a hit is the user's first positive held-out item
 * among them. The popularity baseline recommends the k most rated training items the user has not rated. Users are a
 * seeded sample of at most {@code maxUsers}. Stateless.
 */
public final class NextItemEvaluation {
    /**
     * One method's figure.
     *
     * @param users users evaluated (those with a positive training item and a positive held-out item)
     * @param hits users whose held-out item was recommended
     */
    public record Score(int users, int hits) {
        public double hitRate() {
            return users == 0 ? 0 : (double) hits / users;
        }
    }

    private final int k;
    private final int maxUsers;
    private final long seed;
    private final double threshold;

    public NextItemEvaluation(int k, int maxUsers, long seed, double threshold) {
        this.k = k;
        this.maxUsers = maxUsers;
        this.seed = seed;
        this.threshold = threshold;
    }

    /**
     * @param train training ratings {@code userId, itemId, rating, ts}
     * @param test held-out ratings, same columns
     * @param methods item neighbours per method name
     * @return a score per method, plus "popularity", in insertion order
     */
    public Map<String, Score> evaluate(Dataset<Row> train, Dataset<Row> test, Map<String, Neighbours> methods) {
        Dataset<Row> history = train.groupBy("userId").agg(collect_set("itemId").as("rated"));
        Dataset<Row> lastPositive = train.filter(col("rating").geq(threshold))
                .groupBy("userId")
                .agg(max_by(col("itemId"), struct(col("ts"), col("itemId"))).as("last"));
        Dataset<Row> target = test.filter(col("rating").geq(threshold))
                .groupBy("userId")
                .agg(min_by(col("itemId"), struct(col("ts"), col("itemId"))).as("target"));
        List<Row> users = history.join(lastPositive, "userId")
                .join(target, "userId")
                .orderBy(hash(col("userId"), lit(seed)), col("userId"))
                .limit(maxUsers)
                .collectAsList();
        List<Integer> popular = train
                .groupBy("itemId")
                .agg(count("*").as("n"))
                .orderBy(col("n").desc(), col("itemId"))
                .limit(k + 5000)
                .collectAsList()
                .stream()
                .map(r -> r.getInt(0))
                .toList();

        Map<String, int[]> hits = new LinkedHashMap<>();
        methods.keySet().forEach(m -> hits.put(m, new int[1]));
        hits.put("popularity", new int[1]);
        for (Row u : users) {
            Set<Integer> rated = new HashSet<>(u.<Integer>getList(1));
            int last = u.getInt(2);
            int wanted = u.getInt(3);
            for (Map.Entry<String, Neighbours> m : methods.entrySet()) {
                if (m.getValue().nearest(last, k, rated).contains(wanted)) {
                    hits.get(m.getKey())[0]++;
                }
            }
            List<Integer> top = new ArrayList<>(k);
            for (int item : popular) {
                if (top.size() == k) {
                    break;
                }
                if (!rated.contains(item)) {
                    top.add(item);
                }
            }
            if (top.contains(wanted)) {
                hits.get("popularity")[0]++;
            }
        }
        Map<String, Score> out = new LinkedHashMap<>();
        hits.forEach((m, h) -> out.put(m, new Score(users.size(), h[0])));
        return out;
    }
}
