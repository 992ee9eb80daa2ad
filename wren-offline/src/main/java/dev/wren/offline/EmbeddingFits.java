package dev.wren.offline;

import static org.apache.spark.sql.functions.col;

import dev.wren.offline.embed.Item2Vec;
import dev.wren.offline.embed.RandomWalks;
import dev.wren.offline.embed.Sequences;
import dev.wren.offline.embed.TransitionGraph;
import dev.wren.offline.samples.Samples;
import java.util.LinkedHashMap;
import java.util.List;
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
 * are not slowed by fits only the evaluation needs. The embed stage then {@link #await awaits} the vectors. Only the
 * methods asked for are fitted ({@link EmbeddingParams#methodsFor}).
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
    private final List<String> methods;
    private final Optional<BackgroundJob<Fitted>> item2vec;
    private Optional<BackgroundJob<Fitted>> walked = Optional.empty();
    private boolean graphFitsStarted;

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
     * @param methods the methods to fit, among {@link EmbeddingParams#METHODS}
     * @param leaveLastN each user's last n events form the evaluation's test split
     */
    EmbeddingFits(
            SparkSession spark,
            Dataset<Row> ratings,
            List<String> methods,
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
        this.methods = List.copyOf(methods);
        this.item2vec = !methods.contains("item2vec")
                ? Optional.empty()
                : Optional.of(BackgroundJob.start(spark, "item2vec", () -> {
                    Dataset<Row> fitted = new Item2Vec(params, seed).fit(Sequences.sentences(trainPositives));
                    log.info("Item2vec fitted on the training split");
                    Optional<Dataset<Row>> refitted = Optional.empty();
                    if (refits("item2vec")) {
                        refitted = Optional.of(new Item2Vec(params, seed).fit(Sequences.sentences(positives)));
                        log.info("Item2vec refitted on the whole log");
                    }
                    return new Fitted(Map.of("item2vec", fitted), refitted);
                }));
    }

    /** Starts the DeepWalk and Node2vec fits asked for, unless they are already started. */
    void startGraphFits() {
        boolean deepWalk = methods.contains("deepwalk");
        boolean node2vec = methods.contains("node2vec");
        if (!graphFitsStarted && (deepWalk || node2vec)) {
            walked = Optional.of(BackgroundJob.start(spark, "graph-embeddings", () -> {
                TransitionGraph graph = walks.graph(Sequences.transitions(trainPositives));
                Map<String, Dataset<Row>> fitted = new LinkedHashMap<>();
                if (deepWalk) {
                    fitted.put("deepwalk", walks.deepWalk(graph));
                }
                if (node2vec) {
                    fitted.put("node2vec", walks.node2vec(graph));
                }
                Optional<Dataset<Row>> refitted = Optional.empty();
                if (refits("deepwalk") || refits("node2vec")) {
                    TransitionGraph whole = walks.graph(Sequences.transitions(positives));
                    refitted = Optional.of(refits("deepwalk") ? walks.deepWalk(whole) : walks.node2vec(whole));
                    log.info("{} refitted on the whole log", params.published());
                }
                return new Fitted(fitted, refitted);
            }));
        }
        graphFitsStarted = true;
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

    /**
     * Waits for every fit, starting the graph fits first if they are not yet; a failed fit's exception is rethrown.
     * The vectors come in {@link EmbeddingParams#METHODS}' order.
     */
    Vectors await() {
        startGraphFits();
        Map<String, Dataset<Row>> fitted = new LinkedHashMap<>();
        Optional<Dataset<Row>> refitted = Optional.empty();
        for (Optional<BackgroundJob<Fitted>> job : List.of(item2vec, walked)) {
            if (job.isPresent()) {
                Fitted f = job.get().await();
                fitted.putAll(f.methods());
                refitted = refitted.or(f::refitted);
            }
        }
        Map<String, Dataset<Row>> ordered = new LinkedHashMap<>();
        for (String m : EmbeddingParams.METHODS) {
            if (fitted.containsKey(m)) {
                ordered.put(m, fitted.get(m));
            }
        }
        return new Vectors(ordered, refitted);
    }

    /** Cancels fits still running and frees the cached split. */
    @Override
    public void close() {
        item2vec.ifPresent(BackgroundJob::close);
        walked.ifPresent(BackgroundJob::close);
        train.unpersist();
    }
}
