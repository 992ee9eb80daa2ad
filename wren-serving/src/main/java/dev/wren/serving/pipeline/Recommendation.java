package dev.wren.serving.pipeline;

import dev.wren.core.recommend.ScoredItem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one request.
 *
 * @param items the items, in order, each with its score, channel and reason
 * @param variant the pipeline variant that served it: {@code default}, or {@code experiment=variant,...}
 * @param assignments each experiment the user is in, and the variant
 * @param emptyChannels channels that yielded nothing for this request (their quota went to the fallbacks)
 * @param stateVersion the serving state that answered
 * @param coldStart whether the user was unknown to the system when the request was served: the items are cold-start
 *     picks
 * @param degraded why this request was served without some of the feature store's data, when it was
 */
public record Recommendation(
        List<ScoredItem> items,
        String variant,
        Map<String, String> assignments,
        List<String> emptyChannels,
        String stateVersion,
        boolean coldStart,
        Optional<String> degraded) {
    public Recommendation {
        items = List.copyOf(items);
        assignments = Map.copyOf(assignments);
        emptyChannels = List.copyOf(emptyChannels);
        Objects.requireNonNull(degraded, "degraded");
    }
}
