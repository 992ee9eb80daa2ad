package dev.wren.serving.data;

/**
 * Selects and orders the best entries of parallel score and key arrays: higher score first, on a tie the smaller key
 * then the earlier position, as a stable sort would order them. A bounded heap of positions, so no boxing, no comparator objects, and
 * only {@code O(n log k)} work when just the first k of n are wanted. The request path ranks hundreds of candidates
 * several times per request; a profile spent a tenth of its time in {@code List.sort} with chained comparators.
 * Stateless.
 */
public final class TopK {
    private TopK() {}

    /**
     * The positions of the best {@code min(k, n)} of the first {@code n} entries, best first.
     *
     * @param scores the scores
     * @param keys the tie-breakers: the smaller key goes first on equal scores
     */
    public static int[] best(double[] scores, int[] keys, int n, int k) {
        int size = 0;
        int[] heap = new int[Math.max(0, Math.min(k, n))];
        int capacity = heap.length;
        if (capacity == 0) {
            return heap;
        }
        for (int i = 0; i < n; i++) {
            if (size < capacity) {
                heap[size] = i;
                up(heap, size++, scores, keys);
            } else if (better(i, heap[0], scores, keys)) {
                heap[0] = i;
                down(heap, size, scores, keys);
            }
        }
        int[] out = new int[size];
        for (int at = size - 1; at >= 0; at--) {
            out[at] = heap[0];
            heap[0] = heap[--size];
            down(heap, size, scores, keys);
        }
        return out;
    }

    /**
     * The positions of all {@code n} entries, best first. Sorts primitive keys, each score rounded to a float (which
     * keeps the order, merging only near-equal scores) above the position, with the JDK's primitive sort; then an
     * insertion pass with the exact comparison puts the few entries whose rounded scores tie in order.
     */
    public static int[] order(double[] scores, int[] keys, int n) {
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToIntBits((float) scores[i]);
            int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
            packed[i] = ((long) ~ascending << 32) | i;
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

    /** Restores the heap (root: the worst kept) after adding at {@code at}. */
    private static void up(int[] heap, int at, double[] scores, int[] keys) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!better(heap[parent], heap[at], scores, keys)) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[at];
            heap[at] = t;
            at = parent;
        }
    }

    /** Restores the heap after replacing the root. */
    private static void down(int[] heap, int size, double[] scores, int[] keys) {
        int at = 0;
        while (true) {
            int worst = at;
            int left = 2 * at + 1;
            int right = left + 1;
            if (left < size && better(heap[worst], heap[left], scores, keys)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], scores, keys)) {
                worst = right;
            }
            if (worst == at) {
                return;
            }
            int t = heap[worst];
            heap[worst] = heap[at];
            heap[at] = t;
            at = worst;
        }
    }
}
