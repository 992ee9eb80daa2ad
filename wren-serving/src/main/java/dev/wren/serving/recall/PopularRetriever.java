package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;
import java.util.ArrayList;
import java.util.List;

/** The most rated items the user has not seen. The last resort of every fallback chain. Thread-safe. */
public final class PopularRetriever implements Retriever<UserView> {
    public static final String NAME = "popular";

    private final Catalog catalog;
    /** The catalogue by popularity, and each item's score, computed once per load rather than per request. */
    private final int[] ids;

    private final double[] scores;
    /**
     * Each item's candidate for requests without a genre, built once: this channel is also the last fallback, asked
     * for the whole budget on most requests, and building hundreds of candidates per request was a tenth of the
     * bytes the endpoint allocated.
     */
    private final Candidate[] everyone;

    private static final String EVERYONE = "popular with everyone";

    public PopularRetriever(Catalog catalog) {
        this.catalog = catalog;
        this.ids = catalog.byPopularity().stream().mapToInt(Integer::intValue).toArray();
        this.scores = new double[ids.length];
        this.everyone = new Candidate[ids.length];
        for (int i = 0; i < ids.length; i++) {
            scores[i] = Math.log1p(catalog.stats(ids[i]).count());
            everyone[i] = new Candidate(ids[i], NAME, scores[i], EVERYONE);
        }
    }

    @Override
    public List<Candidate> retrieve(RequestContext<? extends UserView> context, int budget) {
        RecommendRequest request = context.request();
        UserView user = context.user();
        String reason = request.genre().map(g -> "popular in " + g).orElse(null);
        List<Candidate> out = new ArrayList<>(Math.min(budget, ids.length));
        for (int i = 0; i < ids.length && out.size() < budget; i++) {
            if (Eligibility.eligible(ids[i], request, user, catalog)) {
                out.add(reason == null ? everyone[i] : new Candidate(ids[i], NAME, scores[i], reason));
            }
        }
        return out;
    }
}
