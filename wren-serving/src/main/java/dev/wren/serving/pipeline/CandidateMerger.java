package dev.wren.serving.pipeline;

import dev.wren.core.recommend.Candidate;
import dev.wren.core.recommend.RequestContext;
import dev.wren.core.recommend.Retriever;
import dev.wren.core.recommend.UserView;
import dev.wren.serving.data.ItemTally;
import dev.wren.serving.data.TopK;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs recall channels with per-channel quotas of the budget, keeps each item once with a fused score (reciprocal
 * rank fusion over the channels that proposed it), and lets the fallback channels fill what the others left: a channel
 * that yields nothing hands its quota on. Stateless and thread-safe.
 */
public final class CandidateMerger {
    /** Merged candidates and the channels that had nothing. */
    public record Merged(List<Candidate> candidates, List<String> emptyChannels) {}

    private CandidateMerger() {}

    /** The rank offset of reciprocal rank fusion: larger flattens the difference between ranks. */
    static final int FUSION_K = 20;

    /**
     * @param context the request, handed to every channel
     * @param retrievers the channels by name; those named in {@code channels} and {@code fallbacks} must be there
     */
    public static <U extends UserView> Merged merge(
            RequestContext<U> context,
            List<String> channels,
            Map<String, Double> quotas,
            List<String> fallbacks,
            Map<String, ? extends Retriever<? super U>> retrievers,
            int budget) {
        double equal = 1.0 / channels.size();
        double totalShare = channels.stream()
                .mapToDouble(c -> quotas.getOrDefault(c, equal))
                .sum();
        Fusion fusion = new Fusion();
        int[] pool = new int[budget];
        int pooled = 0;
        List<String> empty = new ArrayList<>();
        for (String channel : channels) {
            int quota = (int) Math.ceil(budget * quotas.getOrDefault(channel, equal) / totalShare);
            // Ask for more than the quota: some will be duplicates of other channels, which add evidence.
            List<Candidate> got = retrievers.get(channel).retrieve(context, quota * 2);
            if (got.isEmpty()) {
                empty.add(channel);
            }

            int added = 0;
            for (int rank = 0; rank < got.size(); rank++) {
                Candidate c = got.get(rank);
                boolean isNew = fusion.add(c, rank);
                if (isNew && added < quota && pooled < budget) {
                    pool[pooled++] = c.itemId();
                    added++;
                } else if (isNew) {
                    fusion.forget(c.itemId());
                }
            }
        }
        for (String channel : new LinkedHashSet<>(fallbacks)) {
            if (pooled >= budget) {
                break;
            }
            // Ask for the whole budget, not just what is missing: the fallback's best items are mostly in the pool
            // already (popular items are everyone's neighbours).
            List<Candidate> got = retrievers.get(channel).retrieve(context, budget);
            for (int rank = 0; rank < got.size() && pooled < budget; rank++) {
                if (fusion.add(got.get(rank), rank)) {
                    pool[pooled++] = got.get(rank).itemId();
                }
            }
        }
        return new Merged(fusion.candidates(pool, pooled), empty);
    }

    /**
     * Reciprocal rank fusion: an item's score adds {@code 1 / (K + rank + 1)} over every channel that proposed it, so
     * scores are comparable across channels and agreement between channels counts. The item keeps the channel and
     * reason where it ranked best (the earlier channel on a tie).
     */
    private static final class Fusion {
        private final ItemTally tally = new ItemTally(2048);
        /** Every candidate added, in order: an item's tag is the position of the candidate where it ranked best. */
        private final List<Candidate> added = new ArrayList<>(2048);

        /** Adds the evidence; true when the item was not proposed before. */
        boolean add(Candidate c, int rank) {
            double contribution = 1.0 / (FUSION_K + rank + 1);
            boolean isNew = tally.add(c.itemId(), contribution, added.size());
            added.add(c);
            return isNew;
        }

        /** Drops an item that did not make its channel's quota, so it cannot come back with a head start. */
        void forget(int itemId) {
            tally.forget(itemId);
        }

        List<Candidate> candidates(int[] pool, int n) {
            int[] entries = new int[n];
            double[] scores = new double[n];
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = pool[i];
                entries[i] = tally.entry(ids[i]);
                scores[i] = tally.sum(entries[i]);
            }
            List<Candidate> out = new ArrayList<>(n);
            for (int i : TopK.order(scores, ids, n)) {
                Candidate origin = added.get(tally.tag(entries[i]));
                out.add(new Candidate(ids[i], origin.channel(), scores[i], origin.reason()));
            }
            return out;
        }
    }
}
