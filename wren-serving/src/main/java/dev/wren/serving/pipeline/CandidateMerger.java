package dev.wren.serving.pipeline;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.Retriever;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs recall channels with per-channel quotas of the budget, keeps each item once (from the first channel, in
 * priority order, that proposed it), and lets the fallback channels fill what the others left: a channel that yields
 * nothing hands its quota on. Stateless and thread-safe.
 */
public final class CandidateMerger {
    /** Merged candidates and the channels that had nothing. */
    public record Merged(List<Candidate> candidates, List<String> emptyChannels) {}

    private CandidateMerger() {}

    public static Merged merge(
            RecommendRequest request,
            List<String> channels,
            Map<String, Double> quotas,
            List<String> fallbacks,
            Map<String, Retriever> retrievers,
            int budget) {
        double equal = 1.0 / channels.size();
        double totalShare = channels.stream()
                .mapToDouble(c -> quotas.getOrDefault(c, equal))
                .sum();
        List<Candidate> out = new ArrayList<>(budget);
        Set<Integer> taken = new HashSet<>();
        List<String> empty = new ArrayList<>();
        for (String channel : channels) {
            int quota = (int) Math.ceil(budget * quotas.getOrDefault(channel, equal) / totalShare);
            // Ask for more than the quota: some will be duplicates of higher-priority channels.
            List<Candidate> got = retrievers.get(channel).retrieve(request, quota * 2);
            if (got.isEmpty()) {
                empty.add(channel);
            }
            int added = 0;
            for (Candidate c : got) {
                if (added >= quota || out.size() >= budget) {
                    break;
                }
                if (taken.add(c.itemId())) {
                    out.add(c);
                    added++;
                }
            }
        }
        Set<String> asked = new LinkedHashSet<>(fallbacks);
        for (String channel : asked) {
            if (out.size() >= budget) {
                break;
            }
            int missing = budget - out.size();
            for (Candidate c : retrievers.get(channel).retrieve(request, missing + taken.size())) {
                if (out.size() >= budget) {
                    break;
                }
                if (taken.add(c.itemId())) {
                    out.add(c);
                }
            }
        }
        return new Merged(out, empty);
    }
}
