package dev.wren.serving.recall;

import dev.wren.core.model.Item;
import dev.wren.core.recommend.Candidate;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.ItemTally;
import dev.wren.serving.data.TopK;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Adds up the evidence several liked items give for each candidate, remembering the liked item that contributed most,
 * which becomes the reason. Not thread-safe: one per request.
 */
final class Votes {
    private final ItemTally tally = new ItemTally(512);

    void add(int candidate, double weight, int because) {
        tally.add(candidate, weight, because);
    }

    List<Candidate> top(String channel, int budget, Catalog catalog) {
        int n = tally.entries(); // nothing is forgotten here
        double[] scores = new double[n];
        int[] items = new int[n];
        for (int e = 0; e < n; e++) {
            scores[e] = tally.sum(e);
            items[e] = tally.item(e);
        }
        int[] best = TopK.best(scores, items, n, budget);
        // A handful of liked items explain hundreds of candidates: build each reason once.
        Int2ObjectHashMap<String> reasons = new Int2ObjectHashMap<>();
        List<Candidate> out = new ArrayList<>(best.length);
        for (int e : best) {
            int because = tally.tag(e);
            String reason = reasons.get(because);
            if (reason == null) {
                String title = catalog.item(because).map(Item::title).orElseGet(() -> "#" + because);
                reason = "because you liked " + title;
                reasons.put(because, reason);
            }
            out.add(new Candidate(items[e], channel, scores[e], reason));
        }
        return out;
    }
}
