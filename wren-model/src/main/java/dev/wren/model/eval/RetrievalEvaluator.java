package dev.wren.model.eval;

import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.data.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Recall@10, Recall@50 and NDCG@10 of an exact top-K search over the whole catalogue of a {@link RetrievalTask}: for
 * each query every catalogue item but the user's excluded ones is scored, and the best 50 are kept (ties: the lower
 * item index first, so results repeat exactly). Stateless.
 */
public final class RetrievalEvaluator {
    private static final int BATCH = 1024;
    private static final int TOP = 50;

    private RetrievalEvaluator() {}

    /** User and item vectors whose dot product is the retrieval score, e.g. a two-tower model's towers. */
    public interface TowerScoring {
        /** One vector per row, from the rows' user-side values. */
        float[][] users(SampleBatch batch);

        /** One vector per row, from the rows' item-side values. */
        float[][] items(SampleBatch batch);
    }

    /** A two-tower model: item vectors computed once, one user vector per query, dot products in Java. */
    public static RetrievalMetrics evaluate(TowerScoring towers, FeatureLayout layout, RetrievalTask task) {
        float[][] items = vectors(layout, task.catalog(), towers::items);
        List<Sample> queryRows =
                task.queries().stream().map(RetrievalTask.Query::features).toList();
        float[][] users = vectors(layout, queryRows, towers::users);
        return rank(layout, task, q -> {
            float[] u = users[q];
            float[] scores = new float[items.length];
            for (int i = 0; i < items.length; i++) {
                float[] v = items[i];
                float s = 0;
                for (int d = 0; d < u.length; d++) {
                    s += u[d] * v[d];
                }
                scores[i] = s;
            }
            return scores;
        });
    }

    /** Any scoring used as a retriever: each query's user values paired with every catalogue item, scored at once. */
    public static RetrievalMetrics evaluate(BatchScoring scoring, FeatureLayout layout, RetrievalTask task) {
        int[] userColumns = layout.categoricalColumns(Side.USER);
        int[] userNumeric = layout.numericColumns(Side.USER);
        return rank(layout, task, q -> {
            Sample query = task.queries().get(q).features();
            List<Sample> rows = new ArrayList<>(task.catalog().size());
            for (Sample item : task.catalog()) {
                int[] categorical = item.categorical().clone();
                float[] numeric = item.numeric().clone();
                for (int c : userColumns) {
                    categorical[c] = query.categorical()[c];
                }
                for (int c : userNumeric) {
                    numeric[c] = query.numeric()[c];
                }
                rows.add(new Sample(categorical, numeric, query.sequence(), 0f, query.group()));
            }
            return scoring.score(SampleBatch.of(layout, rows));
        });
    }

    /** The popularity baseline: items ranked by their interactions in the seen samples. */
    public static RetrievalMetrics popularity(FeatureLayout layout, RetrievalTask task) {
        int[] catalogItems = task.catalogItems(layout);
        float[] scores = new float[catalogItems.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = task.seenCounts()[catalogItems[i]];
        }
        return rank(layout, task, q -> scores);
    }

    /** One sample per distinct item id, in first-seen order. */
    public static List<Sample> catalog(FeatureLayout layout, List<Sample> samples) {
        int itemColumn = layout.itemIdIndex("a catalogue");
        Map<Integer, Sample> items = new LinkedHashMap<>();
        for (Sample s : samples) {
            items.putIfAbsent(s.categorical()[itemColumn], s);
        }
        return List.copyOf(items.values());
    }

    private static float[][] vectors(
            FeatureLayout layout, List<Sample> rows, java.util.function.Function<SampleBatch, float[][]> tower) {
        float[][] out = new float[rows.size()][];
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Sample> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            float[][] v = tower.apply(SampleBatch.of(layout, chunk));
            System.arraycopy(v, 0, out, from, v.length);
        }
        return out;
    }

    /**
     * @param scoresOf the catalogue's scores (in catalogue order) for query {@code q}
     */
    private static RetrievalMetrics rank(FeatureLayout layout, RetrievalTask task, IntFunction<float[]> scoresOf) {
        if (task.queries().isEmpty()) {
            throw new IllegalArgumentException("no held-out user has an item to find");
        }
        int[] catalogItems = task.catalogItems(layout);
        double recall10 = 0;
        double recall50 = 0;
        double ndcg10 = 0;
        for (int q = 0; q < task.queries().size(); q++) {
            RetrievalTask.Query query = task.queries().get(q);
            int[] top = top(scoresOf.apply(q), catalogItems, query.excluded());
            int hits10 = 0;
            int hits50 = 0;
            double dcg = 0;
            for (int r = 0; r < top.length; r++) {
                if (Arrays.binarySearch(query.relevant(), catalogItems[top[r]]) >= 0) {
                    hits50++;
                    if (r < 10) {
                        hits10++;
                        dcg += 1 / log2(r + 2);
                    }
                }
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(10, query.relevant().length); r++) {
                ideal += 1 / log2(r + 2);
            }
            recall10 += (double) hits10 / query.relevant().length;
            recall50 += (double) hits50 / query.relevant().length;
            ndcg10 += dcg / ideal;
        }
        int n = task.queries().size();
        return new RetrievalMetrics(n, recall10 / n, recall50 / n, ndcg10 / n);
    }

    /**
     * Catalogue positions of the {@value #TOP} best scores, best first, leaving out the excluded items; a bounded
     * insertion sort, since almost every item falls below the 50th best at once.
     */
    static int[] top(float[] scores, int[] catalogItems, int[] excluded) {
        int[] best = new int[TOP];
        float[] bestScore = new float[TOP];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (size == TOP && !(s > bestScore[TOP - 1])) {
                continue;
            }
            if (Arrays.binarySearch(excluded, catalogItems[i]) >= 0) {
                continue;
            }
            // Strictly greater moves up: an equal score stays behind the earlier (lower-index) item.
            int at = size == TOP ? TOP - 1 : size++;
            while (at > 0 && s > bestScore[at - 1]) {
                best[at] = best[at - 1];
                bestScore[at] = bestScore[at - 1];
                at--;
            }
            best[at] = i;
            bestScore[at] = s;
        }
        return Arrays.copyOf(best, size);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
