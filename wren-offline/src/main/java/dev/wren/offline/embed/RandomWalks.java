package dev.wren.offline.embed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;

import dev.wren.offline.EmbeddingParams;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * DeepWalk and Node2vec: walks over the item transition graph, generated in Spark tasks (the graph is broadcast once),
 * then embedded with Word2Vec on one partition. The graph keeps each item's {@link EmbeddingParams#maxEdgesPerNode}
 * heaviest out-edges. Stateless; a graph may be embedded from several threads at once.
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
        return deepWalk(graph(transitions));
    }

    /** Node2vec: second-order walks biased by {@link EmbeddingParams#p()} and {@link EmbeddingParams#q()}. */
    public Dataset<Row> node2vec(Dataset<Row> transitions) {
        return node2vec(graph(transitions));
    }

    /** DeepWalk over a graph built once with {@link #graph}. */
    public Dataset<Row> deepWalk(TransitionGraph graph) {
        return embed(graph, 1.0, 1.0);
    }

    /** Node2vec over a graph built once with {@link #graph}. */
    public Dataset<Row> node2vec(TransitionGraph graph) {
        return embed(graph, params.p(), params.q());
    }

    /**
     * The transition graph on the driver, each item keeping its {@link EmbeddingParams#maxEdgesPerNode} heaviest
     * out-edges (ties by target id), so both the graph and Node2vec's per-step cost stay bounded as the log grows.
     *
     * @param transitions {@code src, dst, weight}
     */
    public TransitionGraph graph(Dataset<Row> transitions) {
        Dataset<Row> kept = transitions
                .withColumn(
                        "rank",
                        row_number()
                                .over(Window.partitionBy("src")
                                        .orderBy(col("weight").desc(), col("dst"))))
                .filter(col("rank").leq(params.maxEdgesPerNode()))
                .select("src", "dst", "weight");
        return TransitionGraph.of(kept.collectAsList());
    }

    private Dataset<Row> embed(TransitionGraph graph, double p, double q) {
        Broadcast<TransitionGraph> shared =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(graph);
        try {
            // The fitted vectors are on the driver: once fit returns, no task needs the graph again.
            // One partition, whatever Item2vec uses: reproducible, and a walk corpus is bounded by the catalogue
            // (items x walks x length), so the pipeline fits the walks beside Item2vec instead.
            return new Item2Vec(params.withPartitions(1), seed).fit(walks(shared, p, q));
        } finally {
            shared.destroy();
        }
    }

    /** The walks as Word2Vec sentences: {@code key, items ARRAY<STRING>}. */
    private Dataset<Row> walks(Broadcast<TransitionGraph> graph, double p, double q) {
        int length = params.walkLength();
        long s = seed;
        UDF2<Integer, Integer, List<String>> walk =
                (start, index) -> graph.value().walk(start, index, length, p, q, s);
        List<Integer> starts = Arrays.stream(graph.value().nodes()).boxed().toList();
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
