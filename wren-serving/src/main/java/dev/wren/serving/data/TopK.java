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
     * The positions of all {@code n} entries, best first. A merge sort rather than the heap: it skips merging runs
     * that are already in order, so a list that is nearly sorted (a re-ranker's input) costs little more than a scan.
     */
    public static int[] order(double[] scores, int[] keys, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int lo = 0; lo < n; lo += RUN) {
            insertionSort(a, lo, Math.min(n, lo + RUN), scores, keys);
        }
        int[] b = new int[n];
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo + width < n; lo += 2 * width) {
                int mid = lo + width;
                if (better(a[mid], a[mid - 1], scores, keys)) {
                    merge(a, b, lo, mid, Math.min(n, lo + 2 * width), scores, keys);
                }
            }
        }
        return a;
    }

    /** Runs this short are sorted by insertion before merging. */
    private static final int RUN = 16;

    private static void insertionSort(int[] a, int from, int to, double[] scores, int[] keys) {
        for (int i = from + 1; i < to; i++) {
            int x = a[i];
            int j = i - 1;
            while (j >= from && better(x, a[j], scores, keys)) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** Merges the sorted runs a[lo, mid) and a[mid, hi) in place, through b. */
    private static void merge(int[] a, int[] b, int lo, int mid, int hi, double[] scores, int[] keys) {
        System.arraycopy(a, lo, b, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (i < mid && (j >= hi || !better(b[j], b[i], scores, keys))) {
                a[k] = b[i++];
            } else {
                a[k] = b[j++];
            }
        }
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
