package dev.wren.eval.pipeline;

import dev.wren.core.eval.TopKAccumulator;
import dev.wren.core.eval.TopKMetrics;
import dev.wren.core.eval.TopKResult;
import dev.wren.core.model.Item;
import dev.wren.core.recommend.Candidate;
import dev.wren.eval.TopKEvaluator;
import dev.wren.serving.pipeline.Recommender;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What each stage of the pipeline contributes, from the traces of every test user: how much of the held-out items each
 * recall channel finds alone (the ceiling a ranker could reach with it), how much the merged candidates hold, how good
 * the ranker's order of them is, and what re-ranking costs in accuracy and buys in diversity. Thread-safe.
 */
public final class StageBreakdown {
    private final TopKEvaluator evaluator;
    private final Map<Integer, Item> items;
    private final Map<String, Mean> channelRecall = new LinkedHashMap<>();
    private final Map<String, Mean> channelSize = new LinkedHashMap<>();
    private final Mean mergedRecall = new Mean();
    private final Mean mergedSize = new Mean();
    private final TopKAccumulator ranked;
    private final TopKAccumulator reranked;
    private final Mean rankedDiversity = new Mean();
    private final Mean rerankedDiversity = new Mean();
    private final int diversityK;

    public StageBreakdown(TopKEvaluator evaluator, Map<Integer, Item> items, int diversityK) {
        this.evaluator = evaluator;
        this.items = items;
        this.ranked = evaluator.accumulator();
        this.reranked = evaluator.accumulator();
        this.diversityK = diversityK;
    }

    /** Adds one test user's trace. */
    public void add(int userId, Recommender.Trace trace) {
        int[] relevant = evaluator.heldOut(userId);
        IntPredicate isRelevant = id -> Arrays.binarySearch(relevant, id) >= 0;
        synchronized (this) {
            trace.channels().forEach((channel, candidates) -> {
                channelRecall.computeIfAbsent(channel, c -> new Mean()).add(recall(candidates, isRelevant, relevant));
                channelSize.computeIfAbsent(channel, c -> new Mean()).add(candidates.size());
            });
            mergedRecall.add(recall(trace.merged(), isRelevant, relevant));
            mergedSize.add(trace.merged().size());
            int[] order = PipelineRecommender.ids(trace.ranked());
            int[] shown = PipelineRecommender.ids(trace.items());
            rankedDiversity.add(diversity(order));
            rerankedDiversity.add(diversity(shown));
        }
        evaluator.add(ranked, userId, PipelineRecommender.ids(trace.ranked()));
        evaluator.add(reranked, userId, PipelineRecommender.ids(trace.items()));
    }

    private static double recall(List<Candidate> candidates, IntPredicate relevant, int[] all) {
        int[] ids = new int[candidates.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = candidates.get(i).itemId();
        }
        return ids.length == 0
                ? 0
                : TopKMetrics.score(ids, relevant, all.length, ids.length).recall();
    }

    /** Intra-list diversity: the mean genre Jaccard distance over pairs of the first items. */
    private double diversity(int[] list) {
        int n = Math.min(diversityK, list.length);
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < n; a++) {
            Set<String> ga = genres(list[a]);
            for (int b = a + 1; b < n; b++) {
                Set<String> gb = genres(list[b]);
                long shared = ga.stream().filter(gb::contains).count();
                long union = ga.size() + gb.size() - shared;
                sum += union == 0 ? 0 : 1 - (double) shared / union;
                pairs++;
            }
        }
        return sum / pairs;
    }

    private Set<String> genres(int id) {
        Item item = items.get(id);
        return item == null ? Set.of() : Set.copyOf(item.genres());
    }

    /** The breakdown so far. */
    public synchronized Result result() {
        Map<String, Channel> channels = new LinkedHashMap<>();
        channelRecall.forEach(
                (c, m) -> channels.put(c, new Channel(channelSize.get(c).mean(), m.mean())));
        return new Result(
                channels,
                new Channel(mergedSize.mean(), mergedRecall.mean()),
                ranked.results(),
                reranked.results(),
                rankedDiversity.mean(),
                rerankedDiversity.mean(),
                diversityK);
    }

    /**
     * One recall stage's reach.
     *
     * @param candidates the mean number of candidates per user
     * @param recall the mean share of each user's held-out items among them
     */
    public record Channel(double candidates, double recall) {}

    /**
     * @param channels each channel alone
     * @param merged the candidates handed to the ranker
     * @param ranked the ranker's order, before re-ranking
     * @param reranked the final lists
     * @param rankedDiversity intra-list genre diversity of the ranker's first items
     * @param rerankedDiversity the same for the final lists
     * @param diversityK how many first items the diversity looks at
     */
    public record Result(
            Map<String, Channel> channels,
            Channel merged,
            Map<Integer, TopKResult> ranked,
            Map<Integer, TopKResult> reranked,
            double rankedDiversity,
            double rerankedDiversity,
            int diversityK) {}

    private static final class Mean {
        private double sum;
        private long n;

        void add(double x) {
            sum += x;
            n++;
        }

        double mean() {
            return n == 0 ? 0 : sum / n;
        }
    }
}
