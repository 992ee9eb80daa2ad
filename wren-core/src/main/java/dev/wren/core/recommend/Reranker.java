package dev.wren.core.recommend;

import java.util.List;

/**
 * Picks the final list from ranked items: filtering, diversity, business rules. Stateless and thread-safe.
 *
 * @param <U> the user view the re-ranker reads; a re-ranker that needs only {@link UserView} serves any pipeline
 */
@FunctionalInterface
public interface Reranker<U extends UserView> {
    /** At most {@code size} items, in the order to show them. */
    List<ScoredItem> rerank(RequestContext<? extends U> context, List<ScoredItem> ranked, int size);
}
