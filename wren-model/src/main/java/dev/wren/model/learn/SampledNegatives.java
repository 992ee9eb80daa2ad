package dev.wren.model.learn;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Stands in for the exposures a replayed log lacks: for each fresh sample, items the user never rated, drawn in
 * proportion to how often they were rated so far (a recommender shows popular items more), each asked about with the
 * sample's user side and the item's latest item side, label 0. The stream job's samples carry real negatives (items
 * shown and not clicked); a MovieLens replay has only ratings, so without these every fresh sample is a rated item and
 * updates never see what users passed over. Seeded; not thread-safe: it holds the history it is fed.
 */
final class SampledNegatives {
    private final SampleSides sides;
    private final int perSample;
    private final Random random;
    private final Map<Long, Sample> itemState = new LinkedHashMap<>();
    private final Map<Long, Integer> counts = new HashMap<>();
    private final Map<Long, Set<Long>> rated = new HashMap<>();
    private long[] items = new long[0];
    private long[] cumulative = new long[0];

    /** @param perSample negatives per fresh sample, at least 1 */
    SampledNegatives(FeatureLayout layout, int perSample, long seed) {
        if (perSample < 1) {
            throw new IllegalArgumentException("negatives per sample must be at least 1, got " + perSample);
        }
        this.sides = new SampleSides(layout);
        this.perSample = perSample;
        this.random = new Random(seed);
    }

    /** Remembers samples as history: each item's latest item side and rating count, and what each user rated. */
    void observe(List<TimedSample> rows) {
        for (TimedSample t : rows) {
            itemState.put(t.itemId(), t.sample());
            counts.merge(t.itemId(), 1, Integer::sum);
            rated.computeIfAbsent(t.userId(), u -> new HashSet<>()).add(t.itemId());
        }
        items = new long[counts.size()];
        cumulative = new long[counts.size()];
        long total = 0;
        int i = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            total += e.getValue();
            items[i] = e.getKey();
            cumulative[i++] = total;
        }
    }

    /** Negatives for these fresh samples, from the history observed so far; fewer when the draws keep hitting rated items. */
    List<Sample> draw(List<TimedSample> fresh) {
        List<Sample> out = new ArrayList<>();
        if (items.length == 0) {
            return out;
        }
        long total = cumulative[cumulative.length - 1];
        for (TimedSample t : fresh) {
            Set<Long> seen = rated.getOrDefault(t.userId(), Set.of());
            int drawn = 0;
            for (int attempt = 0; drawn < perSample && attempt < perSample * 20; attempt++) {
                int at = Arrays.binarySearch(cumulative, 1 + (long) (random.nextDouble() * total));
                long item = items[at >= 0 ? at : -at - 1];
                if (item != t.itemId() && !seen.contains(item)) {
                    out.add(sides.combine(t.sample(), itemState.get(item), 0));
                    drawn++;
                }
            }
        }
        return out;
    }
}
