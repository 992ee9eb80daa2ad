package dev.wren.serving.recall;

import dev.wren.core.model.Item;
import dev.wren.core.recommend.Candidate;
import dev.wren.serving.data.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the evidence several liked items give for each candidate, remembering the liked item that contributed most,
 * which becomes the reason. Not thread-safe: one per request.
 */
final class Votes {
    private static final class Tally {
        double score;
        double best;
        int because;
    }

    private final Map<Integer, Tally> tallies = new HashMap<>();

    void add(int candidate, double weight, int because) {
        Tally t = tallies.computeIfAbsent(candidate, k -> new Tally());
        t.score += weight;
        if (weight > t.best) {
            t.best = weight;
            t.because = because;
        }
    }

    List<Candidate> top(String channel, int budget, Catalog catalog) {
        List<Map.Entry<Integer, Tally>> entries = new ArrayList<>(tallies.entrySet());
        entries.sort((a, b) -> a.getValue().score != b.getValue().score
                ? Double.compare(b.getValue().score, a.getValue().score)
                : Integer.compare(a.getKey(), b.getKey()));
        List<Candidate> out = new ArrayList<>(Math.min(budget, entries.size()));
        for (Map.Entry<Integer, Tally> e : entries) {
            if (out.size() >= budget) {
                break;
            }
            String title = catalog.item(e.getValue().because).map(Item::title).orElse("#" + e.getValue().because);
            out.add(new Candidate(e.getKey(), channel, e.getValue().score, "because you liked " + title));
        }
        return out;
    }
}
