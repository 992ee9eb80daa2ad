package dev.wren.serving.rerank;

import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Reranker;
import dev.wren.core.recommend.ScoredItem;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.IdSlots;
import dev.wren.serving.data.TopK;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops items the user has already seen (and items off the requested genre), adds a freshness boost for recent
 * release years, then picks items by maximal marginal relevance: each pick maximises {@code lambda * relevance - (1 -
 * lambda) * max genre similarity (Jaccard) to the items already picked}. With {@code lambda = 1} it keeps the ranked
 * order. Thread-safe.
 */
public final class DiversityReranker implements Reranker<UserView> {
    public static final String NAME = "mmr";
    public static final String TOP = "top";
    /** Releases older than this many years before the catalogue's newest get no freshness boost. */
    private static final double FRESHNESS_HORIZON_YEARS = 30;

    private final Catalog catalog;
    private final double lambda;
    private final double freshnessWeight;

    public DiversityReranker(Catalog catalog, double lambda, double freshnessWeight) {
        if (lambda < 0 || lambda > 1) {
            throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
        }
        this.catalog = catalog;
        this.lambda = lambda;
        this.freshnessWeight = freshnessWeight;
    }

    @Override
    public List<ScoredItem> rerank(RequestContext<? extends UserView> context, List<ScoredItem> ranked, int size) {
        RecommendRequest request = context.request();
        UserView user = context.user();
        int m = ranked.size();
        ScoredItem[] pool = new ScoredItem[m];
        double[] scores = new double[m];
        int n = 0;
        // Items kept so far, as bits over the catalogue's slots: an item outside the catalogue is dropped anyway.
        IdSlots slots = catalog.slots();
        long[] kept = new long[(slots.size() >> 6) + 1];
        String genre = request.genre().orElse(null);
        for (ScoredItem s : ranked) {
            int id = s.itemId();
            int slot = slots.slot(id);
            if (slot == IdSlots.NONE || (kept[slot >> 6] & (1L << slot)) != 0 || user.hasSeen(id)) {
                continue;
            }
            kept[slot >> 6] |= 1L << slot;
            if (genre != null && !catalog.item(id).orElseThrow().genres().contains(genre)) {
                continue;
            }
            pool[n] = s;
            scores[n] = s.score() + freshnessWeight * freshness(catalog.year(id));
            n++;
        }
        if (n == 0) {
            return List.of();
        }
        // Best adjusted score first (stable: ties keep the ranker's order, hence positions as the tie-breaker). A
        // candidate's MMR value is at most lambda times its relevance, so each pick can stop scanning at the first
        // candidate whose bound cannot beat the best value found: the same picks as a full scan, without touching the
        // long tail of hundreds of candidates.
        int[] positions = new int[n];
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            positions[i] = i;
            // Comparisons, not Math.max and min: those check for NaN and -0.0 on every call (finite scores here), and
            // were 3 % of the endpoint's CPU in this loop and the one below.
            max = scores[i] > max ? scores[i] : max;
            min = scores[i] < min ? scores[i] : min;
        }
        int[] order = TopK.order(scores, positions, n);
        double span = max > min ? max - min : 1;
        // Genre masks on first use: the scans stop early, so most of the pool is never compared.
        long[] masks = new long[n];
        boolean[] masked = new boolean[n];
        // Each candidate's greatest similarity to the picks so far, and how many picks it covers: a later scan only
        // compares it with the picks made since (a max is the same in any order).
        double[] maxSim = new double[n];
        int[] compared = new int[n];
        List<ScoredItem> picked = new ArrayList<>(Math.min(size, n));
        long[] pickedMasks = new long[Math.min(size, n)];
        boolean[] used = new boolean[n];
        while (picked.size() < size && picked.size() < n) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    continue;
                }
                double relevance = (scores[order[i]] - min) / span;
                double value = lambda * relevance;
                if (value <= bestValue) {
                    break;
                }
                if (!masked[i]) {
                    masks[i] = catalog.genreMask(pool[order[i]].itemId());
                    masked[i] = true;
                }
                if (lambda < 1) {
                    double sim = maxSim[i];
                    for (int p = compared[i]; p < picked.size(); p++) {
                        double j = jaccard(masks[i], pickedMasks[p]);
                        sim = j > sim ? j : sim;
                    }
                    maxSim[i] = sim;
                    compared[i] = picked.size();
                    value -= (1 - lambda) * sim;
                }
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            used[best] = true;
            pickedMasks[picked.size()] = masks[best];
            picked.add(pool[order[best]].withScore(scores[order[best]]));
        }
        return picked;
    }

    private double freshness(int year) {
        if (year == Catalog.NO_YEAR) {
            return 0;
        }
        double age = catalog.newestYear() - year;
        return Math.max(0, 1 - age / FRESHNESS_HORIZON_YEARS);
    }

    /** Jaccard similarity of two genre sets as bit masks; 0 when both are empty. */
    static double jaccard(long a, long b) {
        int union = Long.bitCount(a | b);
        return union == 0 ? 0 : (double) Long.bitCount(a & b) / union;
    }
}
