package dev.wren.offline.embed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;

/**
 * The item transition graph in compact arrays (CSR), with seeded random walks: DeepWalk's first-order walks (next item
 * drawn by transition probability) and Node2vec's second-order walks biased by p and q. Immutable and serializable: it
 * ships inside the Spark tasks that generate walks. A walk's randomness comes from (seed, start, walk index) alone.
 */
public final class TransitionGraph implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] nodes; // sorted item ids with out-edges
    private final int[] offsets; // edges of nodes[i] are offsets[i] .. offsets[i+1]-1
    private final int[] targets; // sorted within each node
    private final double[] weights;
    // Running sums of each node's weights (restarting at every node): a first-order step is a binary search.
    private final double[] cumulative;
    // The index in nodes of each edge's target (negative when the target has no out-edges).
    private final int[] targetAt;

    private TransitionGraph(int[] nodes, int[] offsets, int[] targets, double[] weights) {
        this.nodes = nodes;
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
        this.cumulative = new double[weights.length];
        this.targetAt = new int[targets.length];
        for (int e = 0; e < targets.length; e++) {
            targetAt[e] = Arrays.binarySearch(nodes, targets[e]);
        }
        for (int i = 0; i < nodes.length; i++) {
            double total = 0;
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                total += weights[e];
                cumulative[e] = total;
            }
        }
    }

    /** Builds the graph from {@code src, dst, weight} rows. */
    public static TransitionGraph of(List<Row> edges) {
        Map<Integer, List<double[]>> out = new HashMap<>();
        for (Row e : edges) {
            out.computeIfAbsent(e.getInt(0), k -> new ArrayList<>()).add(new double[] {e.getInt(1), e.getDouble(2)});
        }
        int[] nodes = out.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] offsets = new int[nodes.length + 1];
        int[] targets = new int[edges.size()];
        double[] weights = new double[edges.size()];
        int at = 0;
        for (int i = 0; i < nodes.length; i++) {
            offsets[i] = at;
            List<double[]> list = out.get(nodes[i]);
            list.sort((a, b) -> Double.compare(a[0], b[0]));
            for (double[] e : list) {
                targets[at] = (int) e[0];
                weights[at] = e[1];
                at++;
            }
        }
        offsets[nodes.length] = at;
        return new TransitionGraph(nodes, offsets, targets, weights);
    }

    /** The items walks start from. */
    public int[] nodes() {
        return nodes.clone();
    }

    /**
     * One walk of at most {@code length} items from {@code start}; it ends early at an item without out-edges.
     *
     * @param p Node2vec's return parameter; with {@code q} also 1 the walk is DeepWalk's
     * @param q Node2vec's in-out parameter
     */
    public List<String> walk(int start, int walkIndex, int length, double p, double q, long seed) {
        SplittableRandom random = new SplittableRandom(mix(mix(seed, start), walkIndex));
        List<String> walk = new ArrayList<>(length);
        walk.add(Integer.toString(start));
        int previous = -1;
        int current = start;
        boolean firstOrder = p == 1.0 && q == 1.0;
        for (int step = 1; step < length; step++) {
            int i = Arrays.binarySearch(nodes, current);
            if (i < 0 || offsets[i] == offsets[i + 1]) {
                break;
            }
            int next = firstOrder || previous < 0 ? draw(i, random, -1, p, q) : draw(i, random, previous, p, q);
            walk.add(Integer.toString(next));
            previous = current;
            current = next;
        }
        return walk;
    }

    private int draw(int i, SplittableRandom random, int previous, double p, double q) {
        int from = offsets[i];
        int to = offsets[i + 1];
        if (previous < 0) {
            // The first k whose running sum exceeds u: the same item the linear scan below would pick.
            double u = random.nextDouble() * cumulative[to - 1];
            int lo = from;
            int hi = to - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (u < cumulative[mid]) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return targets[lo];
        }
        double[] bias = new double[to - from];
        double total = 0;
        int previousAt = Arrays.binarySearch(nodes, previous);
        for (int e = from; e < to; e++) {
            double w = weights[e];
            int x = targets[e];
            if (x == previous) {
                w /= p;
            } else if (!hasEdge(previousAt, x) && !hasEdge(targetAt[e], previous)) {
                w /= q;
            }
            total += w;
            bias[e - from] = total;
        }
        double u = random.nextDouble() * total;
        for (int k = 0; k < bias.length; k++) {
            if (u < bias[k]) {
                return targets[from + k];
            }
        }
        return targets[to - 1];
    }

    /** @param i the source's index in {@link #nodes}, negative when it has no out-edges */
    private boolean hasEdge(int i, int dst) {
        return i >= 0 && Arrays.binarySearch(targets, offsets[i], offsets[i + 1], dst) >= 0;
    }

    private static long mix(long a, long b) {
        return (a ^ (b + 0x9E3779B97F4A7C15L + (a << 6) + (a >>> 2))) * 0xBF58476D1CE4E5B9L;
    }
}
