package dev.wren.serving.recall;

import dev.wren.core.model.Item;
import dev.wren.core.recommend.Candidate;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.TopK;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Adds up the evidence several liked items give for each candidate, remembering the liked item that contributed most,
 * which becomes the reason. Not thread-safe: one per request.
 */
final class Votes {
    private static final class Tally {
        int item;
        double score;
        double best;
        int because;
    }

    private final Int2ObjectHashMap<Tally> tallies = new Int2ObjectHashMap<>(512, 0.65f);

    void add(int candidate, double weight, int because) {
        Tally t = tallies.get(candidate);
        if (t == null) {
            t = new Tally();
            t.item = candidate;
            tallies.put(candidate, t);
        }
        t.score += weight;
        if (weight > t.best) {
            t.best = weight;
            t.because = because;
        }
    }

    List<Candidate> top(String channel, int budget, Catalog catalog) {
        int n = tallies.size();
        Tally[] all = new Tally[n];
        double[] scores = new double[n];
        int[] items = new int[n];
        int i = 0;
        for (Tally t : tallies.values()) {
            all[i] = t;
            scores[i] = t.score;
            items[i] = t.item;
            i++;
        }
        int[] best = TopK.best(scores, items, n, budget);
        // A handful of liked items explain hundreds of candidates: build each reason once.
        Int2ObjectHashMap<String> reasons = new Int2ObjectHashMap<>();
        List<Candidate> out = new ArrayList<>(best.length);
        for (int at : best) {
            Tally t = all[at];
            String reason = reasons.get(t.because);
            if (reason == null) {
                String title = catalog.item(t.because).map(Item::title).orElseGet(() -> "#" + t.because);
                reason = "because you liked " + title;
                reasons.put(t.because, reason);
            }
            out.add(new Candidate(t.item, channel, t.score, reason));
        }
        return out;
    }
}
