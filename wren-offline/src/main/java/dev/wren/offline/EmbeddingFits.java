package dev.wren.offline;

import static org.apache.spark.sql.functions.col;

import dev.wren.offline.embed.Item2Vec;
import dev.wren.offline.embed.RandomWalks;
import dev.wren.offline.embed.Sequences;
import dev.wren.offline.embed.TransitionGraph;
import dev.wren.offline.samples.Samples;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Word2Vec fits of one offline run, trained in the background on driver threads of their own. Item2vec starts as
 * soon as the ratings are read and trains while the features and samples stages run: an MLlib Word2Vec fit is one
 * single-threaded task for most of its time, so on its own it leaves the other cores idle, and beside the feature
 * stages it fills them. DeepWalk then Node2vec start on a second thread when {@link #startGraphFits} is called: the
 * pipeline calls it once the samples are written, so that the outputs training needs (features, samples, Item2vec)
 * are not slowed by fits only the evaluation needs. The embed stage then {@link #await awaits} the vectors.
 *
 * <p>Each fit is a {@link BackgroundJob}, so {@link #close} cancels whatever is still running when the run fails or
 * ends early. Not thread-safe: the run that started it awaits and closes it.
 */
final class EmbeddingFits implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddingFits.class);

    private final SparkSession spark;
    private final Dataset<Row> train;
    private final Dataset<Row> test;
    private final Dataset<Row> positives;
    private final RandomWalks walks;
    private final Dataset<Row> trainPositives;
    private final EmbeddingParams params;
    private final BackgroundJob<Fitted> item2vec;
    private BackgroundJob<Fitted> walked;

    /**
     * The vectors of every method, fitted on the training split, and the published method's vectors refitted on the
     * whole log when {@link EmbeddingParams#refit} asked for them.
     */
    record Vectors(Map<String, Dataset<Row>> methods, Optional<Dataset<Row>> refitted) {}

    /** One background job's fits: by method on the training split, and the published method's refit if it was one. */
    private record Fitted(Map<String, Dataset<Row>> methods, Optional<Dataset<Row>> refitted) {}

    /**
     * Starts the fits.
     *
     * @param ratings the whole log (cached by the reader)
     * @param leaveLastN each user's last n events form the evaluation's test split
     */
    EmbeddingFits(
            SparkSession spark,
            Dataset<Row> ratings,
            EmbeddingParams params,
            double positiveThreshold,
            int leaveLastN,
            long seed) {
        this.spark = spark;
        // Train on all but each user's last n events, evaluate on those.
        Dataset<Row> split = Samples.withUserSplit(ratings, leaveLastN);
        this.train = split.filter(col("userSplit").equalTo(Samples.TRAIN)).persist(StorageLevel.MEMORY_AND_DISK());
        this.test = split.filter(col("userSplit").equalTo(Samples.TEST));
        this.positives = Sequences.positives(ratings, positiveThreshold);
        this.trainPositives = Sequences.positives(train, positiveThreshold);
        this.walks = new RandomWalks(spark, params, seed);
        this.params = params;
        this.item2vec = BackgroundJob.start(spark, "item2vec", () -> {
            Dataset<Row> fitted = new Item2Vec(params, seed).fit(Sequences.sentences(trainPositives));
            log.info("Item2vec fitted on the training split");
            Optional<Dataset<Row>> refitted = Optional.empty();
            if (refits("item2vec")) {
                refitted = Optional.of(new Item2Vec(params, seed).fit(Sequences.sentences(positives)));
                log.info("Item2vec refitted on the whole log");
            }
            return new Fitted(Map.of("item2vec", fitted), refitted);
        });
    }

    /** Starts the DeepWalk and Node2vec fits, unless they are already started. */
    void startGraphFits() {
        if (walked == null) {
            walked = BackgroundJob.start(spark, "graph-embeddings", () -> {
                TransitionGraph graph = walks.graph(Sequences.transitions(trainPositives));
                Map<String, Dataset<Row>> fitted =
                        Map.of("deepwalk", walks.deepWalk(graph), "node2vec", walks.node2vec(graph));
                Optional<Dataset<Row>> refitted = Optional.empty();
                if (refits("deepwalk") || refits("node2vec")) {
                    TransitionGraph whole = walks.graph(Sequences.transitions(positives));
                    refitted = Optional.of(refits("deepwalk") ? walks.deepWalk(whole) : walks.node2vec(whole));
                    log.info("{} refitted on the whole log", params.published());
                }
                return new Fitted(fitted, refitted);
            });
        }
    }

    private boolean refits(String method) {
        return params.refit() && params.published().equals(method);
    }

    /** The evaluation's training split: all but each user's last n events (cached until {@link #close}). */
    Dataset<Row> train() {
        return train;
    }

    /** Each user's last n events. */
    Dataset<Row> test() {
        return test;
    }

    /** Every positive event of the whole log. */
    Dataset<Row> positives() {
        return positives;
    }

    /** Waits for every fit, starting the graph fits first if they are not yet; a failed fit's exception is rethrown. */
    Vectors await() {
        startGraphFits();
        Fitted words = item2vec.await();
        Fitted graphs = walked.await();
        Map<String, Dataset<Row>> methods = new LinkedHashMap<>();
        methods.put("item2vec", words.methods().get("item2vec"));
        methods.put("deepwalk", graphs.methods().get("deepwalk"));
        methods.put("node2vec", graphs.methods().get("node2vec"));
        return new Vectors(methods, words.refitted().or(graphs::refitted));
    }

    /** Cancels fits still running and frees the cached split. */
    @Override
    public void close() {
        item2vec.close();
        if (walked != null) {
            walked.close();
        }
        train.unpersist();
    }
}
