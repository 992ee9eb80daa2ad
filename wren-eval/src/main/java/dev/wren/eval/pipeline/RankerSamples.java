package dev.wren.eval.pipeline;

import dev.wren.core.recommend.Candidate;
import dev.wren.eval.TopKEvaluator;
import dev.wren.model.topk.RankingSamples;
import dev.wren.serving.pipeline.Recommender;
import dev.wren.serving.rank.CandidateFeatures;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Training rows for the learned top-K ranker: for each user, what the serving pipeline's recall returns for them (the
 * merged candidates, as the ranker will see them), each candidate with its {@link CandidateFeatures} and labelled 1 when
 * it is one of the user's held-out items. The negatives are therefore what recall found and the user did not choose,
 * among them the popularity and genre fallbacks. Users none of whose held-out items were recalled are left out: their
 * lists teach nothing about order. Stateless.
 */
public final class RankerSamples {
    private RankerSamples() {}

    /**
     * The rows of {@code users}, each labelled by {@code heldOut}.
     *
     * @throws IllegalArgumentException when no user has a held-out item among their candidates
     */
    public static RankingSamples build(PipelineRecommender pipeline, TopKEvaluator heldOut, int[] users) {
        var data = pipeline.state().data();
        CandidateFeatures features =
                new CandidateFeatures(data.catalog(), pipeline.settings().cfBlendWeight());
        float[][][] rows = new float[users.length][][];
        float[][] labels = new float[users.length][];
        IntStream.range(0, users.length).parallel().forEach(u -> {
            int userId = users[u];
            Recommender.Trace trace = pipeline.trace(userId, 10, 0);
            List<Candidate> candidates = trace.merged();
            Set<Integer> positives = new HashSet<>();
            Arrays.stream(heldOut.heldOut(userId)).forEach(positives::add);
            float[] y = new float[candidates.size()];
            boolean any = false;
            for (int i = 0; i < y.length; i++) {
                if (positives.contains(candidates.get(i).itemId())) {
                    y[i] = 1f;
                    any = true;
                }
            }
            if (any) {
                // The features of what the ranker saw: the same read of the user as the candidates came from.
                rows[u] = features.rows(trace.user(), candidates);
                labels[u] = y;
            }
        });
        int total = 0;
        for (float[][] r : rows) {
            total += r == null ? 0 : r.length;
        }
        if (total == 0) {
            throw new IllegalArgumentException("none of the " + users.length
                    + " users has a held-out item among their candidates: nothing to train a ranker on");
        }
        float[][] x = new float[total][];
        float[] y = new float[total];
        int[] groups = new int[total];
        int at = 0;
        for (int u = 0; u < users.length; u++) {
            if (rows[u] == null) {
                continue;
            }
            for (int i = 0; i < rows[u].length; i++) {
                x[at] = rows[u][i];
                y[at] = labels[u][i];
                groups[at] = users[u];
                at++;
            }
        }
        return new RankingSamples(CandidateFeatures.NAMES.toArray(String[]::new), x, y, groups);
    }
}
