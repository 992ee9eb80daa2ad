package dev.wren.offline.lsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.offline.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SimilarItemsTest {
    private static final int CLUSTERS = 20;
    private static final int SIZE = 15;

    /**
     * Items in tight clusters around random directions that all share one common component, as item embeddings do:
     * item i is in cluster i % CLUSTERS.
     */
    private static Dataset<Row> clusteredVectors() {
        Random random = new Random(3);
        int dim = 16;
        double[][] centres = new double[CLUSTERS][dim];
        for (double[] c : centres) {
            for (int d = 0; d < dim; d++) {
                c[d] = random.nextGaussian() + (d == 0 ? 4 : 0);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < CLUSTERS * SIZE; i++) {
            double[] v = centres[i % CLUSTERS].clone();
            for (int d = 0; d < dim; d++) {
                v[d] += 0.05 * random.nextGaussian();
            }
            rows.add(RowFactory.create(i, Vectors.dense(v)));
        }
        StructType schema =
                new StructType().add("itemId", DataTypes.IntegerType, false).add("vector", new VectorUDT(), false);
        return TestSpark.session().createDataFrame(rows, schema);
    }

    /** The default LSH settings, used whatever the catalogue's size. */
    private static SimilarItems lshOnly(long seed) {
        return new SimilarItems(10, seed, 0.3, 32, 5, 40, 0.8, 0);
    }

    @Test
    void lshFindsTheNearestItemsOfSharplyClusteredVectors() {
        SimilarItems.Result result = lshOnly(7).run(clusteredVectors(), 50, 2);

        List<Row> similar = result.similar().collectAsList();
        long sameCluster = similar.stream()
                .filter(r -> r.getInt(0) % CLUSTERS == r.getInt(1) % CLUSTERS)
                .count();
        assertThat(result.recallAtK()).isGreaterThan(0.9);
        assertThat((double) sameCluster / similar.size()).isGreaterThan(0.95);
        assertThat(similar).allMatch(r -> r.getInt(0) != r.getInt(1) && r.getInt(3) <= 10);
        assertThat(result.method()).isEqualTo("lsh");
        result.similar().unpersist();
    }

    @Test
    void aCatalogueUpToTheExactLimitGetsEveryItemsTrueNearestItems() {
        Dataset<Row> vectors = clusteredVectors();
        SimilarItems.Result result = SimilarItems.defaults(7).run(vectors, CLUSTERS * SIZE, 3);

        assertThat(result.method()).isEqualTo("exact");
        // Measured on every item against Neighbours, a separate exact search in double precision.
        assertThat(result.recallAtK()).isEqualTo(1.0);
        List<Row> similar = result.similar().orderBy("itemId", "rank").collectAsList();
        // Every item has its 14 cluster mates within the distance limit, so exactly ten neighbours, ranked 1 to 10.
        assertThat(similar).hasSize(CLUSTERS * SIZE * 10);
        assertThat(similar)
                .allMatch(r -> r.getInt(0) % CLUSTERS == r.getInt(1) % CLUSTERS && r.getInt(0) != r.getInt(1));
        for (int i = 0; i < similar.size(); i++) {
            Row r = similar.get(i);
            assertThat(r.getInt(3)).isEqualTo(i % 10 + 1);
            if (i % 10 > 0) {
                assertThat(r.getDouble(2))
                        .isGreaterThanOrEqualTo(similar.get(i - 1).getDouble(2));
            }
        }
        result.similar().unpersist();
    }

    @Test
    void lshWithTheSameSeedGivesTheSameSimilarItems() {
        Dataset<Row> vectors = clusteredVectors();
        SimilarItems.Result a = lshOnly(7).run(vectors, 20, 2);
        SimilarItems.Result b = lshOnly(7).run(vectors, 20, 2);

        assertThat(a.similar().orderBy("itemId", "rank").collectAsList())
                .isEqualTo(b.similar().orderBy("itemId", "rank").collectAsList());
        assertThat(a.recallAtK()).isEqualTo(b.recallAtK());
    }
}
