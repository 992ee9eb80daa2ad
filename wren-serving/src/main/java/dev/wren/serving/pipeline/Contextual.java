package dev.wren.serving.pipeline;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.ScoredItem;
import java.util.List;

/**
 * Stages that read the request's {@link UserContext}. The recommender builds that context once per request and hands
 * it to every stage, instead of each stage rebuilding it from the ratings, the recent events and the store; called
 * through the plain core interfaces, a stage builds the context itself.
 */
public final class Contextual {
    private Contextual() {}

    /** A recall channel that reads the user's context. */
    public interface Retriever extends dev.wren.core.recommend.Retriever {
        List<Candidate> retrieve(RecommendRequest request, UserContext user, int budget);

        /**
         * Whether the channel has nothing for anyone right now (say, no item trends): the recommender then leaves it
         * out and shares its quota among the other channels, so that an idle channel changes nothing. A cheap read.
         */
        default boolean idle() {
            return false;
        }
    }

    /** A ranker that reads the user's context. */
    public interface Ranker extends dev.wren.core.recommend.Ranker {
        List<ScoredItem> rank(RecommendRequest request, UserContext user, List<Candidate> candidates);
    }

    /** A re-ranker that reads the user's context. */
    public interface Reranker extends dev.wren.core.recommend.Reranker {
        List<ScoredItem> rerank(RecommendRequest request, UserContext user, List<ScoredItem> ranked, int size);
    }
}
