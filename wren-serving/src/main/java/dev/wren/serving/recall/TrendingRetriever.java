package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.trend.Trending;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The items with the most events in the stream job's current trend window, that the user has not seen. Reads the
 * {@link Trending} snapshot the server keeps fresh in the background, never the store. Idle while nothing trends (no
 * stream job, or an offline evaluation), so that its quota goes to the other channels. Thread-safe.
 */
public final class TrendingRetriever implements Retriever<UserView> {
    public static final String NAME = "trending";

    private final Catalog catalog;
    private final Supplier<Trending> trends;
    /** The candidates of the snapshot last seen: a snapshot changes every few seconds, requests come by the hundred. */
    private volatile Prepared prepared = new Prepared(Trending.NONE, new Candidate[0]);

    private record Prepared(Trending source, Candidate[] candidates) {}

    public TrendingRetriever(Catalog catalog, Supplier<Trending> trends) {
        this.catalog = catalog;
        this.trends = trends;
    }

    @Override
    public boolean idle() {
        return trends.get().isEmpty();
    }

    @Override
    public List<Candidate> retrieve(RequestContext<? extends UserView> context, int budget) {
        RecommendRequest request = context.request();
        UserView user = context.user();
        Candidate[] all = candidates();
        List<Candidate> out = new ArrayList<>(Math.min(budget, all.length));
        for (int i = 0; i < all.length && out.size() < budget; i++) {
            if (Eligibility.eligible(all[i].itemId(), request, user, catalog)) {
                out.add(all[i]);
            }
        }
        return out;
    }

    private Candidate[] candidates() {
        Trending now = trends.get();
        Prepared p = prepared;
        if (p.source() != now) {
            // Racing requests may both build it; they build the same array.
            List<Trending.Entry> items = now.items();
            Candidate[] built = new Candidate[items.size()];
            for (int i = 0; i < built.length; i++) {
                Trending.Entry e = items.get(i);
                built[i] = new Candidate(
                        e.itemId(), NAME, Math.log1p(e.count()), "trending now: " + e.count() + " recent events");
            }
            p = new Prepared(now, built);
            prepared = p;
        }
        return p.candidates();
    }
}
