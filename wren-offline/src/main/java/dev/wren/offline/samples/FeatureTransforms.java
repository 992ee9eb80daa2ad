package dev.wren.offline.samples;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.ImputerModel;
import org.apache.spark.ml.feature.MinMaxScaler;
import org.apache.spark.ml.feature.MinMaxScalerModel;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.QuantileDiscretizer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The sample feature transforms as one Spark ML pipeline, fitted on training samples only (see {@link #fitRows}):
 * missing numbers imputed with the training mean, genre slots string-indexed and one-hot encoded, count features cut
 * into quantile buckets and one-hot encoded, numbers min-max scaled, and everything assembled into one {@code features} vector. {@link
 * #parameters} reads the fitted vocabularies, bucket boundaries and scales back out for the manifest, so serving can
 * apply the same transforms. Stateless.
 */
public final class FeatureTransforms {
    /** The numeric inputs, imputed then scaled. */
    public static final List<String> NUMERIC = List.of(
            "releaseYear",
            "userRatingCount",
            "userRatingAvg",
            "userRatingStd",
            "userReleaseYearAvg",
            "userReleaseYearStd",
            "itemRatingCount",
            "itemRatingAvg",
            "itemRatingStd");
    /** The categorical inputs. */
    public static final List<String> CATEGORICAL = List.of("genre1", "genre2", "genre3");
    /** The count inputs that are also bucketed. */
    public static final List<String> BUCKETED = List.of("userRatingCount", "itemRatingCount");

    private final int buckets;

    public FeatureTransforms(int buckets) {
        this.buckets = buckets;
    }

    /** Casts the numeric inputs to double, as the imputer needs. */
    public static Dataset<Row> prepare(Dataset<Row> samples) {
        Dataset<Row> out = samples;
        for (String c : NUMERIC) {
            out = out.withColumn(c + "_d", col(c).cast("double"));
        }
        return out;
    }

    /**
     * The rows to fit on: {@code preparedTrain} itself, or when the samples number more than {@code maxRows}, a seeded
     * Bernoulli sample of about {@code maxRows * train share} of them, with only the columns the fit reads. The fitted
     * statistics (means, quantiles, vocabularies, ranges) settle long before a million rows, while each of the fit's
     * four passes over 25M samples cost minutes.
     *
     * @param sampleCount the number of samples of every split, {@code preparedTrain}'s and the others'
     */
    public static Dataset<Row> fitRows(Dataset<Row> preparedTrain, long sampleCount, long maxRows, long seed) {
        if (sampleCount <= maxRows) {
            return preparedTrain;
        }
        List<String> columns = new ArrayList<>();
        NUMERIC.forEach(c -> columns.add(c + "_d"));
        columns.addAll(CATEGORICAL);
        columns.add("genreMultiHot");
        return preparedTrain
                .select(columns.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                .sample(false, (double) maxRows / sampleCount, seed);
    }

    /** Fits the pipeline on prepared training samples. */
    public PipelineModel fit(Dataset<Row> preparedTrain) {
        List<PipelineStage> stages = new ArrayList<>();
        String[] raw = NUMERIC.stream().map(c -> c + "_d").toArray(String[]::new);
        String[] imputed = NUMERIC.stream().map(c -> c + "_imp").toArray(String[]::new);
        stages.add(new Imputer().setStrategy("mean").setInputCols(raw).setOutputCols(imputed));
        String[] indexed = CATEGORICAL.stream().map(c -> c + "_idx").toArray(String[]::new);
        stages.add(new StringIndexer()
                .setInputCols(CATEGORICAL.toArray(String[]::new))
                .setOutputCols(indexed)
                .setStringOrderType("alphabetAsc")
                .setHandleInvalid("keep"));
        String[] bucketed = BUCKETED.stream().map(c -> c + "_bucket").toArray(String[]::new);
        stages.add(new QuantileDiscretizer()
                .setInputCols(BUCKETED.stream().map(c -> c + "_imp").toArray(String[]::new))
                .setOutputCols(bucketed)
                .setNumBuckets(buckets)
                // Exact quantiles (error 0) hold every value in memory: 20M doubles per column at 25M ratings. A 0.1%
                // rank
                // error moves a count bucket's edge by a hair.
                .setRelativeError(0.001)
                .setHandleInvalid("keep"));
        String[] oneHotIn = concat(indexed, bucketed);
        String[] oneHot = Arrays.stream(oneHotIn).map(c -> c + "_vec").toArray(String[]::new);
        stages.add(
                new OneHotEncoder().setInputCols(oneHotIn).setOutputCols(oneHot).setHandleInvalid("keep"));
        stages.add(new VectorAssembler().setInputCols(imputed).setOutputCol("numeric"));
        stages.add(new MinMaxScaler().setInputCol("numeric").setOutputCol("numericScaled"));
        stages.add(new VectorAssembler()
                .setInputCols(concat(oneHot, new String[] {"numericScaled", "genreMultiHot"}))
                .setOutputCol("features"));
        return new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(preparedTrain);
    }

    /** The fitted parameters, as plain maps and lists for the manifest. */
    public static Map<String, Object> parameters(PipelineModel model) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Transformer stage : model.stages()) {
            if (stage instanceof ImputerModel m) {
                Row surrogates = m.surrogateDF().first();
                Map<String, Object> means = new LinkedHashMap<>();
                for (int i = 0; i < NUMERIC.size(); i++) {
                    means.put(NUMERIC.get(i), surrogates.get(i));
                }
                out.put("imputedMeans", means);
            } else if (stage instanceof StringIndexerModel m) {
                Map<String, Object> labels = new LinkedHashMap<>();
                String[][] arrays = m.labelsArray();
                for (int i = 0; i < CATEGORICAL.size(); i++) {
                    labels.put(CATEGORICAL.get(i), List.of(arrays[i]));
                }
                out.put("stringIndexerLabels", labels);
            } else if (stage instanceof Bucketizer b) {
                Map<String, Object> splits = new LinkedHashMap<>();
                double[][] arrays = b.getSplitsArray();
                for (int i = 0; i < BUCKETED.size(); i++) {
                    splits.put(
                            BUCKETED.get(i),
                            Arrays.stream(arrays[i])
                                    .boxed()
                                    .map(FeatureTransforms::finite)
                                    .toList());
                }
                out.put("bucketBoundaries", splits);
            } else if (stage instanceof MinMaxScalerModel m) {
                Map<String, Object> ranges = new LinkedHashMap<>();
                for (int i = 0; i < NUMERIC.size(); i++) {
                    ranges.put(
                            NUMERIC.get(i),
                            List.of(m.originalMin().apply(i), m.originalMax().apply(i)));
                }
                out.put("minMax", ranges);
            }
        }
        return out;
    }

    /** JSON has no infinities: the outer bucket edges are written as strings. */
    private static Object finite(Double d) {
        return d.isInfinite() ? (d > 0 ? "+Infinity" : "-Infinity") : d;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
