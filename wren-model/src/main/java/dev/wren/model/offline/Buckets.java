package dev.wren.model.offline;

import java.util.ArrayList;
import java.util.List;

/**
 * Fitted bucket boundaries of one count feature, with Spark's {@code Bucketizer} semantics: bucket i holds
 * {@code splits[i] <= x < splits[i + 1]}, the last bucket also its upper edge.
 *
 * @param splits ascending edges, the outer ones usually infinite
 */
public record Buckets(List<Double> splits) {
    public Buckets {
        splits = List.copyOf(splits);
        if (splits.size() < 2) {
            throw new IllegalArgumentException("bucket boundaries need at least 2 edges, got " + splits);
        }
        for (int i = 1; i < splits.size(); i++) {
            if (!(splits.get(i) > splits.get(i - 1))) {
                throw new IllegalArgumentException("bucket boundaries must increase, got " + splits);
            }
        }
    }

    public int count() {
        return splits.size() - 1;
    }

    /** The bucket of x, in [0, count), or -1 when x is NaN or outside the outer edges. */
    public int bucketOf(double x) {
        if (Double.isNaN(x) || x < splits.get(0) || x > splits.get(splits.size() - 1)) {
            return -1;
        }
        int lo = 0;
        int hi = splits.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x >= splits.get(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Readable names of the buckets, such as {@code [5, 10)}; they are the field's vocabulary in the layout. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count(); i++) {
            boolean last = i == count() - 1;
            out.add("[" + edge(splits.get(i)) + ", " + edge(splits.get(i + 1)) + (last ? "]" : ")"));
        }
        return out;
    }

    private static String edge(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "+inf" : "-inf";
        }
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
