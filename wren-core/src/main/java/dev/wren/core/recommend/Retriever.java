package dev.wren.core.recommend;

import java.util.List;

/** A recall channel: proposes candidates for a request. Stateless and thread-safe. */
@FunctionalInterface
public interface Retriever {
    /**
     * Proposes at most {@code budget} candidates, best first.
     *
     * @return the candidates; empty when the channel has nothing for this user (the caller falls back to others)
     */
    List<Candidate> retrieve(RecommendRequest request, int budget);
}
