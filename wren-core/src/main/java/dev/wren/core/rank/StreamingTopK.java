package dev.wren.core.rank;

import java.util.Arrays;

/**
 * The k best of a stream of (score, id) offers, best first: a higher score first, on equal scores the smaller id. An
 * insertion into a sorted array: for the small k its callers keep (tens), cheaper than a heap, and an offer below the
 * k-th best costs one comparison. Not thread-safe.
 */
public final class StreamingTopK {
    private final double[] scores;
    private final int[] ids;
    private int size;

    /** @param k how many to keep, at least 1 */
    public StreamingTopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        scores = new double[k];
        ids = new int[k];
    }

    /** Keeps (score, id) if it is among the k best so far; returns whether it was kept. */
    public boolean offer(double score, int id) {
        int k = scores.length;
        if (size == k && !before(score, id, scores[k - 1], ids[k - 1])) {
            return false;
        }
        int at = size == k ? k - 1 : size++;
        while (at > 0 && before(score, id, scores[at - 1], ids[at - 1])) {
            scores[at] = scores[at - 1];
            ids[at] = ids[at - 1];
            at--;
        }
        scores[at] = score;
        ids[at] = id;
        return true;
    }

    private static boolean before(double score, int id, double otherScore, int otherId) {
        return score > otherScore || (score == otherScore && id < otherId);
    }

    /** How many are kept: min(k, offers so far). */
    public int size() {
        return size;
    }

    /** The score at a rank (0 is the best). */
    public double score(int rank) {
        return scores[check(rank)];
    }

    /** The id at a rank (0 is the best). */
    public int id(int rank) {
        return ids[check(rank)];
    }

    /** The kept ids, best first. */
    public int[] ids() {
        return Arrays.copyOf(ids, size);
    }

    private int check(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + size);
        }
        return rank;
    }
}
