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

    @Test
    void findsTheNearestItemsOfSharplyClusteredVectors() {
        SimilarItems.Result result = SimilarItems.defaults(7).run(clusteredVectors(), 50);

        List<Row> similar = result.similar().collectAsList();
        long sameCluster = similar.stream()
                .filter(r -> r.getInt(0) % CLUSTERS == r.getInt(1) % CLUSTERS)
                .count();
        assertThat(result.recallAtK()).isGreaterThan(0.9);
        assertThat((double) sameCluster / similar.size()).isGreaterThan(0.95);
        assertThat(similar).allMatch(r -> r.getInt(0) != r.getInt(1) && r.getInt(3) <= 10);
        result.similar().unpersist();
    }

    @Test
    void theSameSeedGivesTheSameSimilarItems() {
        Dataset<Row> vectors = clusteredVectors();
        SimilarItems.Result a = SimilarItems.defaults(7).run(vectors, 20);
        SimilarItems.Result b = SimilarItems.defaults(7).run(vectors, 20);

        assertThat(a.similar().orderBy("itemId", "rank").collectAsList())
                .isEqualTo(b.similar().orderBy("itemId", "rank").collectAsList());
        assertThat(a.recallAtK()).isEqualTo(b.recallAtK());
    }
}
