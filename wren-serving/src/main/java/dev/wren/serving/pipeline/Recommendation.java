package dev.wren.serving.pipeline;

import dev.wren.core.recommend.ScoredItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to one request.
 *
 * @param items the items, in order, each with its score, channel and reason
 * @param variant the pipeline variant that served it: {@code default}, or {@code experiment=variant,...}
 * @param assignments each experiment the user is in, and the variant
 * @param emptyChannels channels that yielded nothing for this request (their quota went to the fallbacks)
 * @param stateVersion the serving state that answered
 * @param degraded why the request was served without the feature store's features (non-personalised channels and
 *     the blend ranker only), when it was
 */
public record Recommendation(
        List<ScoredItem> items,
        String variant,
        Map<String, String> assignments,
        List<String> emptyChannels,
        String stateVersion,
        Optional<String> degraded) {
    public Recommendation {
        items = List.copyOf(items);
        assignments = Map.copyOf(assignments);
        emptyChannels = List.copyOf(emptyChannels);
    }

    /** This recommendation, marked as served without the feature store's features. */
    public Recommendation withDegraded(String reason) {
        return new Recommendation(items, variant, assignments, emptyChannels, stateVersion, Optional.of(reason));
    }
}
