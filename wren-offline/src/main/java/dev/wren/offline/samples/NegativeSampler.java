package dev.wren.offline.samples;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Draws items in proportion to their popularity. Each draw is seeded by (seed, user, item, time) alone, so the result
 * does not depend on partitioning or order. Immutable and serializable (shipped inside a Spark UDF).
 */
final class NegativeSampler implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] itemIds;
    private final double[] cumulative;
    private final long seed;

    NegativeSampler(int[] itemIds, double[] cumulative, long seed) {
        if (itemIds.length == 0) {
            throw new IllegalArgumentException("no items to sample negatives from");
        }
        this.itemIds = itemIds.clone();
        this.cumulative = cumulative.clone();
        this.seed = seed;
    }

    /** {@code k} items (possibly repeated, possibly the positive itself: the caller filters). */
    List<Integer> draw(int userId, int itemId, long ts, int k) {
        long key = seed;
        key = key * 0x9E3779B97F4A7C15L + userId;
        key = key * 0x9E3779B97F4A7C15L + itemId;
        key = key * 0x9E3779B97F4A7C15L + ts;
        SplittableRandom random = new SplittableRandom(key);
        double total = cumulative[cumulative.length - 1];
        List<Integer> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            int index = at >= 0 ? at + 1 : -at - 1;
            out.add(itemIds[Math.min(index, itemIds.length - 1)]);
        }
        return out;
    }

    UserDefinedFunction asUdf(int k) {
        UDF3<Integer, Integer, Long, List<Integer>> f = (user, item, ts) -> draw(user, item, ts, k);
        return org.apache.spark.sql.functions.udf(f, DataTypes.createArrayType(DataTypes.IntegerType));
    }
}
