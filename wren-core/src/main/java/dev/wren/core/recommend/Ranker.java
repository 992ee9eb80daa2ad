package dev.wren.core.recommend;

import java.util.List;

/** Scores candidates for one user; the result is sorted best first. Stateless and thread-safe. */
@FunctionalInterface
public interface Ranker {
    List<ScoredItem> rank(RecommendRequest request, List<Candidate> candidates);
}
