package dev.wren.core.recommend;

import java.util.List;

/**
 * Picks the final list from ranked items: filtering, diversity, business rules. Stateless and thread-safe.
 */
@FunctionalInterface
public interface Reranker {
    /** At most {@code size} items, in the order to show them. */
    List<ScoredItem> rerank(RecommendRequest request, List<ScoredItem> ranked, int size);
}
