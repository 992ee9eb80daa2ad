package dev.wren.model.topk;

import java.util.Random;

/**
 * Synthetic candidate lists where relevance depends on an interaction no single feature shows: a candidate is a
 * positive when {@code 0.6 f0 + f1 f2 + 0.3 noise > 2} (about 6 % of candidates). f1 and f2 alone carry no signal
 * (the product is symmetric in their signs), f0 carries some; f3 to f5 are noise. The rows of a user come shuffled
 * in with the other users' so that nothing relies on contiguous groups.
 */
final class PlantedRanking {
    static final String[] NAMES = {"f0", "f1", "f2", "f3", "f4", "f5"};

    private PlantedRanking() {}

    static RankingSamples samples(int users, int candidates, long seed) {
        Random random = new Random(seed);
        int n = users * candidates;
        float[][] features = new float[n][];
        float[] labels = new float[n];
        int[] groups = new int[n];
        for (int u = 0; u < users; u++) {
            for (int c = 0; c < candidates; c++) {
                float[] row = new float[NAMES.length];
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) random.nextGaussian();
                }
                double latent = 0.6 * row[0] + row[1] * row[2] + 0.3 * random.nextGaussian();
                int i = u * candidates + c;
                features[i] = row;
                labels[i] = latent > 2 ? 1f : 0f;
                groups[i] = 1000 + u;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float[] f = features[i];
            features[i] = features[j];
            features[j] = f;
            float l = labels[i];
            labels[i] = labels[j];
            labels[j] = l;
            int g = groups[i];
            groups[i] = groups[j];
            groups[j] = g;
        }
        return new RankingSamples(NAMES.clone(), features, labels, groups);
    }

    /** One user's candidates, for scoring. */
    static float[][] oneList(int candidates, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[candidates][NAMES.length];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return rows;
    }
}
