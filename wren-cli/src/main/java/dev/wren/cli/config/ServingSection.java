package dev.wren.cli.config;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.trend.TrendSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code serving} section: the HTTP server and its default pipeline.
 *
 * @param host the interface to listen on
 * @param port the HTTP port; 0 picks a free one
 * @param adminToken the bearer token of the admin routes; empty for none (a secret: never printed)
 * @param eventLogSync when the local event log is forced to disk: {@code always}, {@code everysec} or {@code none}
 * @param pipeline the default recall, rank and re-rank pipeline
 * @param trends how the stream job's item trends are followed
 */
public record ServingSection(
        String host, int port, String adminToken, String eventLogSync, Pipeline pipeline, Trends trends) {
    public ServingSection {
        Objects.requireNonNull(host, "serving.host");
        Objects.requireNonNull(adminToken, "serving.admin-token");
        Objects.requireNonNull(eventLogSync, "serving.event-log-sync");
        Objects.requireNonNull(pipeline, "serving.pipeline");
        Objects.requireNonNull(trends, "serving.trends");
    }

    /** {@code serving.pipeline}: see {@link PipelineSettings} for each field. */
    public record Pipeline(
            List<String> channels,
            Map<String, Double> quotas,
            List<String> fallbacks,
            String ranker,
            String reranker,
            int candidates,
            double recencyDecay,
            double mmrLambda,
            double freshnessWeight,
            long embeddingSeed,
            double cfBlendWeight) {
        public Pipeline {
            channels = List.copyOf(channels);
            quotas = Map.copyOf(quotas);
            fallbacks = List.copyOf(fallbacks);
            Objects.requireNonNull(ranker, "serving.pipeline.ranker");
            Objects.requireNonNull(reranker, "serving.pipeline.reranker");
        }

        /** The pipeline's settings, computing user features by {@code rules}. */
        public PipelineSettings settings(UserFeatureRules rules) {
            return new PipelineSettings(
                    channels,
                    quotas,
                    fallbacks,
                    ranker,
                    reranker,
                    candidates,
                    rules,
                    recencyDecay,
                    mmrLambda,
                    freshnessWeight,
                    embeddingSeed,
                    cfBlendWeight);
        }
    }

    /**
     * {@code serving.trends}.
     *
     * @param refresh seconds between reads of the item trends
     * @param keep how many of the most trending items are kept
     */
    public record Trends(long refresh, int keep) {
        /** How trends are followed, {@code window} being the stream job's trend window. */
        public TrendSettings settings(Duration window) {
            return new TrendSettings(window, Duration.ofSeconds(refresh), keep);
        }
    }
}
