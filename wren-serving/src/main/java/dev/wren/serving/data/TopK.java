package dev.wren.serving.data;

/**
 * Selects and orders the best entries of parallel score and key arrays: higher score first, on a tie the smaller key
 * then the earlier position, as a stable sort would order them. Positions in primitive arrays, so no boxing and no
 * comparator objects: the request path ranks hundreds of candidates several times per request, and a profile spent a
 * tenth of its time in {@code List.sort} with chained comparators. Stateless.
 */
public final class TopK {
    private TopK() {}

    /** Below this many entries, or when k is more than a quarter of them, the entries are simply all ordered. */
    private static final int SELECT_MIN = 256;
    /** Score buckets of the selection. */
    private static final int BUCKETS = 1024;

    /**
     * The positions of the best {@code min(k, n)} of the first {@code n} entries, best first.
     *
     * <p>Selects without a heap: a bounded heap's comparisons are mispredicted branches, and with k in the hundreds
     * over a few thousand entries they cost more than everything else the caller does. A histogram of the scores over
     * {@value #BUCKETS} equal-width buckets finds the lowest bucket that still holds the k-th best; the entries from it
     * up are ordered and the first k kept. An entry in a lower bucket has a lower score (the bucket is a monotone
     * function of the score), so none of them could have made the list.
     *
     * @param scores the scores
     * @param keys the tie-breakers: the smaller key goes first on equal scores
     */
    public static int[] best(double[] scores, int[] keys, int n, int k) {
        int want = Math.max(0, Math.min(k, n));
        if (n <= SELECT_MIN || (long) want * 4 > n) {
            return java.util.Arrays.copyOf(order(scores, keys, n), want);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int i = 0; i < n; i++) {
            double x = scores[i];
            min = x < min ? x : min;
            max = x > max ? x : max;
            nan |= x != x;
        }
        if (nan || !Double.isFinite(max - min)) {
            return java.util.Arrays.copyOf(order(scores, keys, n), want);
        }
        double scale = max > min ? (BUCKETS - 1) / (max - min) : 0;
        int[] counts = new int[BUCKETS];
        for (int i = 0; i < n; i++) {
            counts[bucket(scores[i], min, scale)]++;
        }
        int from = BUCKETS;
        int selected = 0;
        while (selected < want) {
            selected += counts[--from];
        }
        int[] positions = new int[selected];
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (bucket(scores[i], min, scale) >= from) {
                positions[at++] = i;
            }
        }
        return java.util.Arrays.copyOf(order(scores, keys, positions, selected), want);
    }

    /** The score's bucket: a monotone function of the score, the same in both passes. */
    private static int bucket(double score, double min, double scale) {
        return Math.min(BUCKETS - 1, (int) ((score - min) * scale));
    }

    /**
     * The positions of all {@code n} entries, best first. Sorts primitive keys, each score rounded to a float (which
     * keeps the order, merging only near-equal scores) above the position, with the JDK's primitive sort; then an
     * insertion pass with the exact comparison puts the few entries whose rounded scores tie in order.
     */
    public static int[] order(double[] scores, int[] keys, int n) {
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        return order(scores, keys, positions, n);
    }

    /** These positions (ascending), best first, as {@link #order(double[], int[], int)} orders them. */
    private static int[] order(double[] scores, int[] keys, int[] positions, int n) {
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            int p = positions[i];
            int bits = Float.floatToIntBits((float) scores[p]);
            int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
            packed[i] = ((long) ~ascending << 32) | p;
        }
        java.util.Arrays.sort(packed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = (int) packed[i];
        }
        for (int i = 1; i < n; i++) {
            int x = a[i];
            int j = i - 1;
            while (j >= 0 && better(x, a[j], scores, keys)) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
        return a;
    }

    /**
     * Whether position a goes before position b: scores compare as {@link Double#compare} does, as in the comparators
     * this replaces, and equal scores and keys keep their positions' order, as a stable sort would.
     */
    private static boolean better(int a, int b, double[] scores, int[] keys) {
        int c = Double.compare(scores[a], scores[b]);
        return c > 0 || (c == 0 && (keys[a] < keys[b] || (keys[a] == keys[b] && a < b)));
    }
}
