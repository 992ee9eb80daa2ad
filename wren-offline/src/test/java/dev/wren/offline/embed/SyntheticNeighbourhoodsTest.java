package dev.wren.offline.embed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.data.synthetic.HiddenTastes;
import dev.wren.data.synthetic.SyntheticConfig;
import dev.wren.data.synthetic.SyntheticDataGenerator;
import dev.wren.offline.EmbeddingParams;
import dev.wren.offline.TestSpark;
import dev.wren.offline.io.MovieLensData;
import dev.wren.offline.io.MovieLensReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item2vec, with the pipeline's default parameters, on a synthetic log whose hidden movie tastes are known: an item's
 * nearest neighbours must share its hidden taste far more than random pairs of items do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticNeighbourhoodsTest {
    private static final double THRESHOLD = 3.5;
    private static final int K = 10;

    private HiddenTastes hidden;
    private Dataset<Row> sentences;
    private Neighbours neighbours;

    @BeforeAll
    void trainOnASmallSyntheticLog(@TempDir Path tmp) {
        Path dir = tmp.resolve("synthetic");
        new SyntheticDataGenerator().generate(SyntheticConfig.defaults().withSize(1_500, 300, 60_000), dir);
        hidden = HiddenTastes.read(dir);
        MovieLensData data = new MovieLensReader(TestSpark.session()).read(dir);
        sentences = Sequences.sentences(Sequences.positives(data.ratings(), THRESHOLD))
                .cache();
        neighbours = Neighbours.of(new Item2Vec(EmbeddingParams.defaults(), 42).fit(sentences));
    }

    @Test
    void neighboursShareHiddenTastesFarMoreThanRandomPairs() {
        double neighbourCosine = 0;
        int pairs = 0;
        for (int item : neighbours.ids()) {
            for (int n : neighbours.nearest(item, K, Set.of())) {
                neighbourCosine += cosine(item, n);
                pairs++;
            }
        }
        neighbourCosine /= pairs;
        int[] ids = neighbours.ids();
        SplittableRandom random = new SplittableRandom(7);
        double randomCosine = 0;
        int samples = 0;
        while (samples < 20_000) {
            int a = ids[random.nextInt(ids.length)];
            int b = ids[random.nextInt(ids.length)];
            if (a != b) {
                randomCosine += cosine(a, b);
                samples++;
            }
        }
        randomCosine /= samples;

        assertThat(neighbourCosine)
                .as("mean hidden-taste cosine of top-%d neighbours vs random pairs (%.3f)", K, randomCosine)
                .isGreaterThan(randomCosine + 0.2);
    }

    @Test
    void everyItemInAPositiveHistoryGetsAVector() {
        List<Integer> items = sentences
                .select(explode(col("items")).as("item"))
                .select(col("item").cast("int"))
                .distinct()
                .collectAsList()
                .stream()
                .map(r -> r.getInt(0))
                .toList();

        assertThat(items).hasSizeGreaterThan(250).allMatch(neighbours::contains);
    }

    private double cosine(int a, int b) {
        float[] x = hidden.movieTastes().get(a);
        float[] y = hidden.movieTastes().get(b);
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / Math.sqrt(nx * ny);
    }
}
