package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.IdSlots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The best-rated items of the requested genre, or of the user's favourite genres taken in turn; a user with no
 * favourites gets every genre in turn, which makes cold-start picks genre-diverse. Thread-safe.
 */
public final class GenreTopRetriever implements Retriever<UserView> {
    public static final String NAME = "genre-top";
    /** Items with fewer ratings are not "top rated": one 5-star vote is not a reputation. */
    private static final int MIN_RATINGS = 3;

    private final Catalog catalog;
    /**
     * Per genre, the items with at least {@link #MIN_RATINGS} ratings, best first, their ids and scores in primitive
     * arrays: built once per load, where the request path used to walk boxed lists and read each item's statistics.
     */
    private final Map<String, Ranked> byGenre = new HashMap<>();

    private record Ranked(int[] ids, double[] scores) {}

    private static final Ranked EMPTY = new Ranked(new int[0], new double[0]);

    public GenreTopRetriever(Catalog catalog) {
        this.catalog = catalog;
        for (String genre : catalog.genres()) {
            int[] ids = catalog.topRated(genre).stream()
                    .mapToInt(Integer::intValue)
                    .filter(id -> catalog.stats(id).count() >= MIN_RATINGS)
                    .toArray();
            double[] scores = new double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                scores[i] = catalog.stats(ids[i]).bayesian();
            }
            byGenre.put(genre, new Ranked(ids, scores));
        }
    }

    @Override
    public List<Candidate> retrieve(RequestContext<? extends UserView> context, int budget) {
        RecommendRequest request = context.request();
        UserView user = context.user();
        List<String> genres = request.genre()
                .map(List::of)
                .orElse(
                        user.topGenres().isEmpty()
                                ? catalog.genres()
                                : user.topGenres()
                                        .subList(0, Math.min(3, user.topGenres().size())));
        List<Candidate> out = new ArrayList<>();
        // Items taken, as bits over the catalogue's slots (the lists hold catalogue items only): a hash set's probes
        // were 5 % of the endpoint's CPU.
        IdSlots slots = catalog.slots();
        long[] taken = new long[(slots.size() >> 6) + 1];
        Ranked[] lists = new Ranked[genres.size()];
        String[] reasons = new String[genres.size()];
        for (int g = 0; g < lists.length; g++) {
            lists[g] = byGenre.getOrDefault(genres.get(g), EMPTY);
        }
        int[] cursor = new int[genres.size()];
        boolean progress = true;
        while (out.size() < budget && progress) {
            progress = false;
            for (int g = 0; g < lists.length && out.size() < budget; g++) {
                int[] ids = lists[g].ids();
                while (cursor[g] < ids.length) {
                    int at = cursor[g]++;
                    int id = ids[at];
                    int slot = slots.slot(id);
                    if ((taken[slot >> 6] & (1L << slot)) == 0 && Eligibility.eligible(id, request, user, catalog)) {
                        taken[slot >> 6] |= 1L << slot;
                        if (reasons[g] == null) {
                            reasons[g] = "top rated in " + genres.get(g);
                        }
                        out.add(new Candidate(id, NAME, lists[g].scores()[at], reasons[g]));
                        progress = true;
                        break;
                    }
                }
            }
        }
        return out;
    }
}
