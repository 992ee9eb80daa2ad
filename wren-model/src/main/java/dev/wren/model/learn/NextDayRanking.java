package dev.wren.model.learn;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * NDCG@10 of one day's interactions: for every user who rated something that day, the items rated (or only those
 * liked) are ranked among {@code negatives} items drawn uniformly (seeded) from the items seen before the day that
 * the user never rated. Each candidate is a sample with the user side of the user's first sample of the day (features
 * strictly before it) and the item side of the item's latest sample before the day (its own sample of the day for an
 * item never seen before), so every model scores the same features. Binary gains; the ideal ranks all relevant items
 * first. Not thread-safe: it holds the history it is fed.
 */
final class NextDayRanking {
    private final FeatureLayout layout;
    private final SampleSides sides;
    private final int negatives;
    private final Random random;
    private final Map<Long, Sample> itemState = new LinkedHashMap<>();
    private final Map<Long, Set<Long>> rated = new HashMap<>();

    /** NDCG@10 sums of one day, for all interactions and for the liked ones. */
    record DayResult(int users, double interactions, int likedUsers, double liked) {}

    NextDayRanking(FeatureLayout layout, int negatives, long seed) {
        this.layout = layout;
        this.sides = new SampleSides(layout);
        this.negatives = negatives;
        this.random = new Random(seed);
    }

    /** Remembers samples as history: the items' latest item side, and what each user rated. */
    void observe(List<TimedSample> rows) {
        for (TimedSample t : rows) {
            itemState.put(t.itemId(), t.sample());
            rated.computeIfAbsent(t.userId(), u -> new HashSet<>()).add(t.itemId());
        }
    }

    /**
     * Sums of NDCG@10 over the day's users for each scorer (the same candidates for all).
     *
     * @param day the day's samples in time order, not yet {@link #observe observed}
     */
    List<DayResult> evaluate(List<TimedSample> day, List<Function<SampleBatch, float[]>> scorers) {
        Map<Long, List<TimedSample>> byUser = new LinkedHashMap<>();
        for (TimedSample t : day) {
            byUser.computeIfAbsent(t.userId(), u -> new ArrayList<>()).add(t);
        }
        List<Long> pool = new ArrayList<>(itemState.keySet());
        double[] all = new double[scorers.size()];
        double[] liked = new double[scorers.size()];
        int users = 0;
        int likedUsers = 0;
        for (Map.Entry<Long, List<TimedSample>> e : byUser.entrySet()) {
            List<TimedSample> rows = e.getValue();
            Sample user = rows.get(0).sample();
            Set<Long> relevant = new HashSet<>();
            Set<Long> likes = new HashSet<>();
            Map<Long, Sample> ownItemSide = new HashMap<>();
            for (TimedSample t : rows) {
                relevant.add(t.itemId());
                ownItemSide.putIfAbsent(t.itemId(), t.sample());
                if (t.sample().label() > 0.5f) {
                    likes.add(t.itemId());
                }
            }
            Set<Long> seen = rated.getOrDefault(e.getKey(), Set.of());
            List<Long> candidates = new ArrayList<>(relevant);
            Set<Long> drawn = new HashSet<>();
            int attempts = 0;
            while (drawn.size() < negatives && attempts++ < negatives * 20 && !pool.isEmpty()) {
                long item = pool.get(random.nextInt(pool.size()));
                if (!relevant.contains(item) && !seen.contains(item) && drawn.add(item)) {
                    candidates.add(item);
                }
            }
            List<Sample> samples = new ArrayList<>();
            for (long item : candidates) {
                Sample itemSide = itemState.getOrDefault(item, ownItemSide.get(item));
                samples.add(sides.combine(user, itemSide, 0));
            }
            SampleBatch batch = SampleBatch.of(layout, samples);
            users++;
            boolean anyLiked = !likes.isEmpty();
            if (anyLiked) {
                likedUsers++;
            }
            for (int s = 0; s < scorers.size(); s++) {
                float[] scores = scorers.get(s).apply(batch);
                all[s] += ndcgAt10(scores, candidates, relevant);
                if (anyLiked) {
                    liked[s] += ndcgAt10(scores, candidates, likes);
                }
            }
        }
        List<DayResult> out = new ArrayList<>();
        for (int s = 0; s < scorers.size(); s++) {
            out.add(new DayResult(users, all[s], likedUsers, liked[s]));
        }
        return out;
    }

    /** NDCG@10 with binary gains; a tie ranks the later candidate first (relevant items are listed first). */
    static double ndcgAt10(float[] scores, List<Long> candidates, Set<Long> relevant) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // A constant scorer must not profit from the relevant items being listed first.
        java.util.Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : b - a);
        double dcg = 0;
        for (int r = 0; r < Math.min(10, order.length); r++) {
            if (relevant.contains(candidates.get(order[r]))) {
                dcg += 1 / (Math.log(r + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(10, relevant.size()); r++) {
            ideal += 1 / (Math.log(r + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }
}
