package dev.wren.model.eval;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.data.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Recall@K and NDCG@K of any scoring used as a retriever: for each test user with positives, every catalog item is
 * scored with the user's features and ranked; the user's positive test items are the relevant set. Items the user
 * saw in training are not filtered out (the Sparrow file has too few per user for that to matter much).
 */
public final class RetrievalEvaluator {
    private RetrievalEvaluator() {}

    /**
     * @param catalog one sample per item, supplying the item-side features
     * @param test test samples; their user-side features form the queries
     * @param maxQueries evaluate at most this many users (the first in test order), to bound the cost
     */
    public static RetrievalMetrics evaluate(
            BatchScoring scoring,
            FeatureLayout layout,
            List<Sample> catalog,
            List<Sample> test,
            int k,
            int maxQueries) {
        int itemColumn = layout.categoricalIndex(layout.itemIdField()
                .orElseThrow(() -> new IllegalArgumentException("retrieval evaluation needs an itemIdField")));
        int[] userColumns = layout.categoricalColumns(Side.USER);
        int[] userNumeric = layout.numericColumns(Side.USER);
        Map<Long, Sample> queryOf = new LinkedHashMap<>();
        Map<Long, Set<Integer>> relevant = new LinkedHashMap<>();
        for (Sample s : test) {
            if (s.label() > 0.5f) {
                queryOf.putIfAbsent(s.group(), s);
                relevant.computeIfAbsent(s.group(), g -> new HashSet<>()).add(s.categorical()[itemColumn]);
            }
        }
        double recall = 0;
        double ndcg = 0;
        int queries = 0;
        for (Map.Entry<Long, Sample> query : queryOf.entrySet()) {
            if (queries >= maxQueries) {
                break;
            }
            List<Sample> rows = new ArrayList<>(catalog.size());
            for (Sample item : catalog) {
                int[] categorical = item.categorical().clone();
                float[] numeric = item.numeric().clone();
                for (int c : userColumns) {
                    categorical[c] = query.getValue().categorical()[c];
                }
                for (int c : userNumeric) {
                    numeric[c] = query.getValue().numeric()[c];
                }
                rows.add(new Sample(categorical, numeric, query.getValue().sequence(), 0f, query.getKey()));
            }
            float[] scores = scoring.score(SampleBatch.of(layout, rows));
            List<Integer> ranked = IntStream.range(0, catalog.size())
                    .boxed()
                    .sorted(Comparator.comparingDouble(i -> -scores[i]))
                    .map(i -> catalog.get(i).categorical()[itemColumn])
                    .toList();
            recall += RankingMetrics.recallAtK(ranked, relevant.get(query.getKey()), k);
            ndcg += RankingMetrics.ndcgAtK(ranked, relevant.get(query.getKey()), k);
            queries++;
        }
        if (queries == 0) {
            throw new IllegalArgumentException("no test user has a positive sample");
        }
        return new RetrievalMetrics(k, queries, recall / queries, ndcg / queries);
    }

    /** One sample per distinct item id, in first-seen order. */
    public static List<Sample> catalog(FeatureLayout layout, List<Sample> samples) {
        int itemColumn = layout.categoricalIndex(layout.itemIdField().orElseThrow());
        Map<Integer, Sample> items = new LinkedHashMap<>();
        for (Sample s : samples) {
            items.putIfAbsent(s.categorical()[itemColumn], s);
        }
        return List.copyOf(items.values());
    }
}
