package dev.wren.offline.embed;

import static org.apache.spark.sql.functions.col;

import dev.wren.offline.EmbeddingParams;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Spark MLlib Word2Vec (skip-gram) over item sequences: users' positive histories (Item2vec) or random walks
 * (DeepWalk, Node2vec), on {@link EmbeddingParams#partitions} partitions. The sentences reach Word2Vec in one fixed
 * order, so on one partition a seed gives the same vectors on every run. (MLlib trains a model per partition and
 * merges them after every epoch; in local mode the partitions' tasks update one shared copy of the weights at once,
 * which makes more than one partition irreproducible.) Stateless; fits may run from several threads at once.
 */
public final class Item2Vec {
    private final EmbeddingParams params;
    private final long seed;

    public Item2Vec(EmbeddingParams params, long seed) {
        this.params = params;
        this.seed = seed;
    }

    /**
     * @param sentences {@code key} (a unique sortable id) and {@code items ARRAY<STRING>} of item ids
     * @return {@code itemId INT, vector VECTOR}
     */
    public Dataset<Row> fit(Dataset<Row> sentences) {
        Word2Vec word2vec = new Word2Vec()
                .setInputCol("items")
                .setVectorSize(params.dimension())
                .setWindowSize(params.windowSize())
                .setMaxIter(params.maxIter())
                .setMinCount(params.minCount())
                .setNumPartitions(params.partitions())
                .setSeed(seed);
        // A fixed order in one partition: Word2Vec's result depends on the order it sees sentences in. A shuffle into
        // one partition sorted locally computes the sentences (walks, for DeepWalk) once, in parallel; a global
        // orderBy would compute them once more to sample its ranges. Cached because Word2Vec reads its input twice
        // (vocabulary, then training).
        Dataset<Row> ordered = sentences
                .select("key", "items")
                .repartition(1)
                .sortWithinPartitions(col("key"))
                .select("items")
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // The vectors live on the driver once fitted: the result no longer needs the cached input.
            return word2vec.fit(ordered)
                    .getVectors()
                    .select(col("word").cast("int").as("itemId"), col("vector"));
        } finally {
            ordered.unpersist();
        }
    }
}
