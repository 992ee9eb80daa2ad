package dev.wren.offline.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exact cosine neighbours over item vectors held on the driver: the ground truth for LSH and the retriever of the
 * hit-rate evaluation. Immutable; thread-safe.
 */
public final class Neighbours {
    private final int[] ids;
    private final float[][] unit;
    private final Map<Integer, Integer> index = new HashMap<>();

    private Neighbours(int[] ids, float[][] unit) {
        this.ids = ids;
        this.unit = unit;
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
        }
    }

    /** Collects {@code itemId, vector} to the driver, normalised. */
    public static Neighbours of(Dataset<Row> itemVectors) {
        List<Row> rows =
                itemVectors.select("itemId", "vector").orderBy("itemId").collectAsList();
        int[] ids = new int[rows.size()];
        float[][] unit = new float[rows.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rows.get(i).getInt(0);
            double[] v = ((Vector) rows.get(i).get(1)).toArray();
            double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
            unit[i] = new float[v.length];
            for (int d = 0; d < v.length; d++) {
                unit[i][d] = norm == 0 ? 0f : (float) (v[d] / norm);
            }
        }
        return new Neighbours(ids, unit);
    }

    public boolean contains(int item) {
        return index.containsKey(item);
    }

    /** The item ids, ascending. */
    public int[] ids() {
        return ids.clone();
    }

    public int size() {
        return ids.length;
    }

    /** A copy of an item's unit-length vector (zeros for a zero vector); the item must be {@link #contains contained}. */
    public float[] unit(int item) {
        return unit[index.get(item)].clone();
    }

    /** The cosine of two items' vectors; both must be {@link #contains contained}. */
    public double cosine(int a, int b) {
        float[] u = unit[index.get(a)];
        float[] v = unit[index.get(b)];
        double s = 0;
        for (int d = 0; d < u.length; d++) {
            s += u[d] * v[d];
        }
        return s;
    }

    /** The {@code k} most cosine-similar items to {@code item}, best first, skipping itself and {@code exclude}. */
    public List<Integer> nearest(int item, int k, Set<Integer> exclude) {
        Integer q = index.get(item);
        if (q == null) {
            return List.of();
        }
        int[] best = largestDotProducts(unit[q], unit, ids, k, i -> i == q || exclude.contains(ids[i]));
        List<Integer> out = new ArrayList<>(best.length);
        for (int id : best) {
            out.add(id);
        }
        return out;
    }

    /**
     * The ids of the {@code k} rows of largest dot product with {@code query}, best first (ties in row order), skipping
     * the row indexes {@code skip} accepts; fewer when fewer rows are left.
     */
    public static int[] largestDotProducts(float[] query, float[][] rows, int[] ids, int k, IntPredicate skip) {
        // A bounded selection: k is small (10), the catalogue is tens of thousands.
        int[] best = new int[k];
        double[] scores = new double[k];
        Arrays.fill(scores, Double.NEGATIVE_INFINITY);
        int found = 0;
        for (int i = 0; i < ids.length; i++) {
            if (skip.test(i)) {
                continue;
            }
            double s = 0;
            float[] v = rows[i];
            for (int d = 0; d < v.length; d++) {
                s += query[d] * v[d];
            }
            if (found < k || s > scores[k - 1]) {
                int at = Math.min(found, k - 1);
                while (at > 0 && scores[at - 1] < s) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = s;
                best[at] = ids[i];
                found = Math.min(found + 1, k);
            }
        }
        return Arrays.copyOf(best, found);
    }
}
