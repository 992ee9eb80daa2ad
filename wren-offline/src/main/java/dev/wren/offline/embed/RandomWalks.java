package dev.wren.offline.embed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;

import dev.wren.offline.EmbeddingParams;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * DeepWalk and Node2vec: walks over the item transition graph, generated in Spark tasks (the graph ships with the
 * task), then embedded with Word2Vec. Stateless.
 */
public final class RandomWalks {
    private final SparkSession spark;
    private final EmbeddingParams params;
    private final long seed;

    public RandomWalks(SparkSession spark, EmbeddingParams params, long seed) {
        this.spark = spark;
        this.params = params;
        this.seed = seed;
    }

    /** DeepWalk: first-order walks, the next item drawn by transition probability. */
    public Dataset<Row> deepWalk(Dataset<Row> transitions) {
        return new Item2Vec(params, seed).fit(walks(transitions, 1.0, 1.0));
    }

    /** Node2vec: second-order walks biased by {@link EmbeddingParams#p()} and {@link EmbeddingParams#q()}. */
    public Dataset<Row> node2vec(Dataset<Row> transitions) {
        return new Item2Vec(params, seed).fit(walks(transitions, params.p(), params.q()));
    }

    /** The walks as Word2Vec sentences: {@code key, items ARRAY<STRING>}. */
    public Dataset<Row> walks(Dataset<Row> transitions, double p, double q) {
        List<Row> edges = transitions.select("src", "dst", "weight").collectAsList();
        TransitionGraph graph = TransitionGraph.of(edges);
        int length = params.walkLength();
        long s = seed;
        UDF2<Integer, Integer, List<String>> walk = (start, index) -> graph.walk(start, index, length, p, q, s);
        List<Integer> starts = Arrays.stream(graph.nodes()).boxed().toList();
        return spark.createDataset(starts, Encoders.INT())
                .toDF("start")
                .withColumn("index", explode(sequence(lit(0), lit(params.walksPerNode() - 1))))
                .withColumn(
                        "items",
                        org.apache
                                .spark
                                .sql
                                .functions
                                .udf(walk, DataTypes.createArrayType(DataTypes.StringType))
                                .apply(col("start"), col("index")))
                .withColumn("key", concat_ws(":", col("index"), col("start")));
    }
}
