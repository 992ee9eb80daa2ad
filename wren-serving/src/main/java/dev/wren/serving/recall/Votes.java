package dev.wren.serving.recall;

import dev.wren.core.model.Item;
import dev.wren.core.recommend.Candidate;
import dev.wren.serving.data.Catalog;
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

    private final Int2ObjectHashMap<Tally> tallies = new Int2ObjectHashMap<>();

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
        List<Tally> entries = new ArrayList<>(tallies.values());
        entries.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : Integer.compare(a.item, b.item));
        List<Candidate> out = new ArrayList<>(Math.min(budget, entries.size()));
        for (Tally t : entries) {
            if (out.size() >= budget) {
                break;
            }
            String title = catalog.item(t.because).map(Item::title).orElse("#" + t.because);
            out.add(new Candidate(t.item, channel, t.score, "because you liked " + title));
        }
        return out;
    }
}
