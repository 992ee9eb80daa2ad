package dev.wren.serving;

import dev.wren.core.features.UserFeatureRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the default pipeline recalls, ranks and re-ranks. Experiments override the channels, ranker and re-ranker.
 *
 * @param channels the recall channels, in priority order (dedupe keeps an item's first channel)
 * @param quotas each channel's share of the candidate budget; a channel that is not listed gets an equal share
 * @param fallbacks channels that fill what the others leave, in order (the cold-start path)
 * @param ranker the ranker's registered name
 * @param reranker the re-ranker's registered name
 * @param candidateBudget how many candidates recall gathers in all
 * @param userFeatures how user features are computed: the offline pipeline's rules, so that serving computes the same
 * @param recencyDecay the weight of the k-th most recent positive in the user embedding is {@code decay^k}
 * @param mmrLambda relevance against diversity in MMR: 1 is pure relevance
 * @param freshnessWeight how much a recent release year adds to the score
 * @param embeddingSeed the seed of the bootstrap embeddings
 * @param cfBlendWeight the {@code cf} ranker's weight of EASE against ALS: 1 is EASE alone, 0 ALS alone
 */
public record PipelineSettings(
        List<String> channels,
        Map<String, Double> quotas,
        List<String> fallbacks,
        String ranker,
        String reranker,
        int candidateBudget,
        UserFeatureRules userFeatures,
        double recencyDecay,
        double mmrLambda,
        double freshnessWeight,
        long embeddingSeed,
        double cfBlendWeight) {
    /** The default ranker's registered name. */
    public static final String DEFAULT_RANKER = "cf";

    public PipelineSettings {
        channels = List.copyOf(channels);
        quotas = Map.copyOf(quotas);
        fallbacks = List.copyOf(fallbacks);
        Objects.requireNonNull(ranker, "ranker");
        Objects.requireNonNull(reranker, "reranker");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("at least one recall channel is needed");
        }
        if (candidateBudget < 1 || candidateBudget > 5000) {
            throw new IllegalArgumentException("candidateBudget must be 1..5000, got " + candidateBudget);
        }
        if (mmrLambda < 0 || mmrLambda > 1) {
            throw new IllegalArgumentException("mmrLambda must be in [0, 1], got " + mmrLambda);
        }
        if (recencyDecay <= 0 || recencyDecay > 1) {
            throw new IllegalArgumentException("recencyDecay must be in (0, 1], got " + recencyDecay);
        }
        Objects.requireNonNull(userFeatures, "userFeatures");
        if (cfBlendWeight < 0 || cfBlendWeight > 1) {
            throw new IllegalArgumentException("cfBlendWeight must be in [0, 1], got " + cfBlendWeight);
        }
    }

    /**
     * What `wren eval topk` chose on the validation splits of ml-100k and ml-latest-small: recall from the two
     * collaborative filters (EASE and ALS, half the budget each; popular and genre-top fill for users they know
     * nothing of), plus a twentieth of the budget for the items trending now, which the stream job writes (an idle
     * channel without them, whose share then goes back to EASE and ALS: the evaluation, which has no stream, is
     * unchanged), the {@code cf} ranker with EASE weighted 0.35, MMR re-ranking at lambda 0.9 (the most diverse
     * setting within 1 % of the best NDCG@10 on both), no freshness boost. A two-tower bundle in the models folder adds
     * its channel.
     */
    public static PipelineSettings defaults() {
        return new PipelineSettings(
                List.of("ease", "als", "trending"),
                Map.of("ease", 0.475, "als", 0.475, "trending", 0.05),
                List.of("popular", "genre-top"),
                DEFAULT_RANKER,
                "mmr",
                200,
                UserFeatureRules.defaults(),
                0.9,
                0.9,
                0.0,
                42L,
                0.35);
    }

    /** These settings with other recall channels and their quotas. */
    public PipelineSettings withChannels(List<String> names, Map<String, Double> shares) {
        return new PipelineSettings(
                names,
                shares,
                fallbacks,
                ranker,
                reranker,
                candidateBudget,
                userFeatures,
                recencyDecay,
                mmrLambda,
                freshnessWeight,
                embeddingSeed,
                cfBlendWeight);
    }

    /**
     * These settings with one channel's share of the budget set, the other channels' shares scaled to fill the rest in
     * the same proportions; the channel is added last when absent, and a share of 0 removes it.
     *
     * @throws IllegalArgumentException when the share is outside [0, 1), or removing the channel would leave none
     */
    public PipelineSettings withChannelShare(String channel, double share) {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("a channel's share must be in [0, 1), got " + share);
        }
        List<String> names = new ArrayList<>(channels);
        names.remove(channel);
        double equal = 1.0 / channels.size();
        double others =
                names.stream().mapToDouble(c -> quotas.getOrDefault(c, equal)).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String c : names) {
            shares.put(c, quotas.getOrDefault(c, equal) / others * (1 - share));
        }
        if (share > 0) {
            names.add(channel);
            shares.put(channel, share);
        }
        return withChannels(names, shares);
    }

    /** These settings with another ranker and re-ranker. */
    public PipelineSettings withStages(String rankerName, String rerankerName) {
        return new PipelineSettings(
                channels,
                quotas,
                fallbacks,
                rankerName,
                rerankerName,
                candidateBudget,
                userFeatures,
                recencyDecay,
                mmrLambda,
                freshnessWeight,
                embeddingSeed,
                cfBlendWeight);
    }

    /** These settings with another ranker. */
    public PipelineSettings withRanker(String name) {
        return withStages(name, reranker);
    }

    /** These settings with another candidate budget. */
    public PipelineSettings withCandidateBudget(int budget) {
        return new PipelineSettings(
                channels,
                quotas,
                fallbacks,
                ranker,
                reranker,
                budget,
                userFeatures,
                recencyDecay,
                mmrLambda,
                freshnessWeight,
                embeddingSeed,
                cfBlendWeight);
    }

    /** These settings with another MMR trade-off and freshness weight. */
    public PipelineSettings withRerankWeights(double lambda, double freshness) {
        return new PipelineSettings(
                channels,
                quotas,
                fallbacks,
                ranker,
                reranker,
                candidateBudget,
                userFeatures,
                recencyDecay,
                lambda,
                freshness,
                embeddingSeed,
                cfBlendWeight);
    }

    /** These settings with another EASE-against-ALS weight for the {@code cf} ranker. */
    public PipelineSettings withCfBlendWeight(double weight) {
        return new PipelineSettings(
                channels,
                quotas,
                fallbacks,
                ranker,
                reranker,
                candidateBudget,
                userFeatures,
                recencyDecay,
                mmrLambda,
                freshnessWeight,
                embeddingSeed,
                weight);
    }
}
