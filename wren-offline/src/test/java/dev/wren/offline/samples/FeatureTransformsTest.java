package dev.wren.offline.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wren.offline.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class FeatureTransformsTest {
    private static final String[] GENRES = {"Action", "Comedy", "Drama"};

    /** {@code n} prepared samples: every numeric input i, slot genres cycling, one extra column. */
    private static Dataset<Row> samples(int n) {
        List<StructField> fields = new ArrayList<>();
        FeatureTransforms.NUMERIC.forEach(c -> fields.add(DataTypes.createStructField(c, DataTypes.IntegerType, true)));
        FeatureTransforms.CATEGORICAL.forEach(
                c -> fields.add(DataTypes.createStructField(c, DataTypes.StringType, true)));
        fields.add(DataTypes.createStructField("genreMultiHot", SQLDataTypes.VectorType(), false));
        fields.add(DataTypes.createStructField("recentPositives", DataTypes.StringType, true));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < FeatureTransforms.NUMERIC.size(); c++) {
                values.add(i);
            }
            for (int c = 0; c < FeatureTransforms.CATEGORICAL.size(); c++) {
                values.add(GENRES[(i + c) % GENRES.length]);
            }
            values.add(Vectors.dense(i % 2, 1 - i % 2));
            values.add("1,2,3");
            rows.add(RowFactory.create(values.toArray()));
        }
        return FeatureTransforms.prepare(TestSpark.session().createDataFrame(rows, DataTypes.createStructType(fields)));
    }

    @Test
    void fitsOnEveryTrainingRowUpToTheCap() {
        Dataset<Row> train = samples(200);

        assertThat(FeatureTransforms.fitRows(train, 250, 250, 42)).isSameAs(train);
    }

    @Test
    void aboveTheCapFitsOnASeededSampleOfTheColumnsTheFitReads() {
        Dataset<Row> train = samples(2_000);

        Dataset<Row> fitted = FeatureTransforms.fitRows(train, 4_000, 1_000, 42);

        long n = fitted.count();
        assertThat(n).as("half of the 2,000 training rows").isBetween(400L, 600L);
        assertThat(fitted.columns()).doesNotContain("recentPositives").contains("genreMultiHot", "genre1");
        assertThat(FeatureTransforms.fitRows(train, 4_000, 1_000, 42).collectAsList())
                .isEqualTo(fitted.collectAsList());
        Map<String, Object> fromSample = FeatureTransforms.parameters(new FeatureTransforms(4).fit(fitted));
        assertThat(fromSample.get("stringIndexerLabels"))
                .isEqualTo(Map.of("genre1", List.of(GENRES), "genre2", List.of(GENRES), "genre3", List.of(GENRES)));
        @SuppressWarnings("unchecked")
        Map<String, Object> means = (Map<String, Object>) fromSample.get("imputedMeans");
        assertThat((Double) means.get("userRatingCount"))
                .as("the mean of 0..1999")
                .isBetween(900.0, 1100.0);
    }
}
