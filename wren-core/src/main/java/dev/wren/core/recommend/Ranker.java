package dev.wren.core.recommend;

import java.util.List;

/**
 * Scores candidates for one request; the result is sorted best first. Stateless and thread-safe.
 *
 * @param <U> the user view the ranker reads; a ranker that needs only {@link UserView} serves any pipeline
 */
@FunctionalInterface
public interface Ranker<U extends UserView> {
    List<ScoredItem> rank(RequestContext<? extends U> context, List<Candidate> candidates);
}
