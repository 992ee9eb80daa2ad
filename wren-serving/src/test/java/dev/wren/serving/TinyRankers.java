package dev.wren.serving;

import dev.wren.model.topk.RankingSamples;
import dev.wren.model.topk.TopKRanker;
import dev.wren.model.topk.TopKRankerParams;
import dev.wren.model.topk.TopKRankerTrainer;
import dev.wren.serving.rank.CandidateFeatures;
import java.util.Random;

/** Learned top-K rankers over serving's candidate features, trained in a second on planted lists. */
public final class TinyRankers {
    private TinyRankers() {}

    /** A ranker trained on lists whose positives are the candidates with the highest ALS score; the caller closes it. */
    public static TopKRanker followingAls() {
        int users = 300;
        int perUser = 20;
        int width = CandidateFeatures.NAMES.size();
        int als = CandidateFeatures.NAMES.indexOf("als");
        Random random = new Random(7);
        float[][] x = new float[users * perUser][];
        float[] y = new float[x.length];
        int[] groups = new int[x.length];
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < perUser; i++) {
                int row = u * perUser + i;
                x[row] = new float[width];
                for (int j = 0; j < width; j++) {
                    x[row][j] = (float) random.nextGaussian();
                }
                y[row] = x[row][als] > 1.0f ? 1f : 0f;
                groups[row] = u;
            }
        }
        return new TopKRankerTrainer()
                .train(
                        new RankingSamples(CandidateFeatures.NAMES.toArray(String[]::new), x, y, groups),
                        TopKRankerParams.defaults());
    }
}
