package dev.wren.serving.recall;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.pipeline.Contextual;
import dev.wren.serving.pipeline.UserContext;
import dev.wren.serving.pipeline.UserContexts;
import java.util.ArrayList;
import java.util.List;
import org.agrona.collections.IntHashSet;

/**
 * The best-rated items of the requested genre, or of the user's favourite genres taken in turn; a user with no
 * favourites gets every genre in turn, which makes cold-start picks genre-diverse. Thread-safe.
 */
public final class GenreTopRetriever implements Contextual.Retriever {
    public static final String NAME = "genre-top";
    /** Items with fewer ratings are not "top rated": one 5-star vote is not a reputation. */
    private static final int MIN_RATINGS = 3;

    private final Catalog catalog;
    private final UserContexts users;

    public GenreTopRetriever(Catalog catalog, UserContexts users) {
        this.catalog = catalog;
        this.users = users;
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, int budget) {
        return retrieve(request, users.context(request.userId()), budget);
    }

    @Override
    public List<Candidate> retrieve(RecommendRequest request, UserContext user, int budget) {
        List<String> genres = request.genre()
                .map(List::of)
                .orElse(
                        user.topGenres().isEmpty()
                                ? catalog.genres()
                                : user.topGenres()
                                        .subList(0, Math.min(3, user.topGenres().size())));
        List<Candidate> out = new ArrayList<>();
        // Primitive set: thousands of ids pass through here on a request for a user who has seen the top of a genre.
        IntHashSet taken = new IntHashSet(Math.max(16, budget * 2));
        String[] reasons = new String[genres.size()];
        int[] cursor = new int[genres.size()];
        boolean progress = true;
        while (out.size() < budget && progress) {
            progress = false;
            for (int g = 0; g < genres.size() && out.size() < budget; g++) {
                List<Integer> list = catalog.topRated(genres.get(g));
                while (cursor[g] < list.size()) {
                    int id = list.get(cursor[g]++);
                    if (catalog.stats(id).count() >= MIN_RATINGS
                            && Eligibility.eligible(id, request, user, catalog)
                            && taken.add(id)) {
                        if (reasons[g] == null) {
                            reasons[g] = "top rated in " + genres.get(g);
                        }
                        out.add(new Candidate(id, NAME, catalog.stats(id).bayesian(), reasons[g]));
                        progress = true;
                        break;
                    }
                }
            }
        }
        return out;
    }
}
