package dev.wren.eval.baseline;

import dev.wren.eval.data.TrainingData;
import dev.wren.serving.data.TopK;

/**
 * Item-based k-nearest neighbours (Sarwar et al., WWW 2001) on binary interactions: the cosine similarity of two items'
 * user sets, each item keeping its {@code neighbours} most similar items; a user's score for an item is the sum of its
 * similarities to the user's items. Thread-safe after construction.
 */
public final class ItemKnn implements TopKRecommender {
    private final TrainingData data;
    private final int[][] neighbours;
    private final float[][] similarities;

    public ItemKnn(TrainingData data, int neighbours) {
        this.data = data;
        int n = data.items().size();
        int users = data.users().userCount();
        // Item -> users, as compressed rows.
        int[] start = new int[n + 1];
        for (int u = 0; u < users; u++) {
            for (int s : data.slotsOf(u)) {
                start[s + 1]++;
            }
        }
        for (int s = 0; s < n; s++) {
            start[s + 1] += start[s];
        }
        int[] itemUsers = new int[start[n]];
        int[] next = java.util.Arrays.copyOf(start, n);
        for (int u = 0; u < users; u++) {
            for (int s : data.slotsOf(u)) {
                itemUsers[next[s]++] = u;
            }
        }
        this.neighbours = new int[n][];
        this.similarities = new float[n][];
        int[] together = new int[n];
        int[] touched = new int[n];
        double[] sims = new double[n];
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                for (int j : data.slotsOf(itemUsers[p])) {
                    if (j != i && together[j]++ == 0) {
                        touched[m++] = j;
                    }
                }
            }
            for (int t = 0; t < m; t++) {
                int j = touched[t];
                sims[t] = together[j] / Math.sqrt((double) data.count(i) * data.count(j));
                keys[t] = j;
                together[j] = 0;
            }
            int[] best = TopK.best(sims, keys, m, neighbours);
            this.neighbours[i] = new int[best.length];
            this.similarities[i] = new float[best.length];
            for (int b = 0; b < best.length; b++) {
                this.neighbours[i][b] = keys[best[b]];
                this.similarities[i][b] = (float) sims[best[b]];
            }
        }
    }

    @Override
    public String name() {
        return "ItemKNN";
    }

    @Override
    public int[] recommend(int userId, int k) {
        int[] seen = data.slotsOfUser(userId);
        float[] scores = new float[data.items().size()];
        for (int i : seen) {
            int[] nb = neighbours[i];
            float[] w = similarities[i];
            for (int b = 0; b < nb.length; b++) {
                scores[nb[b]] += w[b];
            }
        }
        return SlotScores.best(scores, seen, k, data);
    }
}
