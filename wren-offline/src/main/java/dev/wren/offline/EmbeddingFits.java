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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Word2Vec fits of one offline run, started as soon as the ratings are read and trained in the background while
 * the features and samples stages run: Item2vec on one driver thread, DeepWalk then Node2vec on another. Each MLlib
 * Word2Vec fit is one single-threaded task for most of its time, so on its own it leaves the other cores idle; beside
 * the feature stages it fills them. The embed stage then {@link #await awaits} the vectors.
 *
 * <p>The fits run in their own Spark job group, so {@link #close} cancels whatever is still running when the run
 * fails or ends early. Not thread-safe: the run that started it awaits and closes it.
 */
final class EmbeddingFits implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddingFits.class);

    private final SparkSession spark;
    private final String jobGroup;
    private final ExecutorService threads;
    private final Dataset<Row> train;
    private final Dataset<Row> test;
    private final Dataset<Row> positives;
    private final Future<Item2vecVectors> item2vec;
    private final Future<List<Dataset<Row>>> walked;

    /** The vectors of every method, fitted on the training split, and the published refit when one was asked for. */
    record Vectors(Map<String, Dataset<Row>> methods, Optional<Dataset<Row>> refittedItem2vec) {}

    private record Item2vecVectors(Dataset<Row> onTrainingSplit, Optional<Dataset<Row>> refitted) {}

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
        this.jobGroup = "wren-embeddings-" + UUID.randomUUID();
        // Train on all but each user's last n events, evaluate on those.
        Dataset<Row> split = Samples.withUserSplit(ratings, leaveLastN);
        this.train = split.filter(col("userSplit").equalTo(Samples.TRAIN)).persist(StorageLevel.MEMORY_AND_DISK());
        this.test = split.filter(col("userSplit").equalTo(Samples.TEST));
        this.positives = Sequences.positives(ratings, positiveThreshold);
        Dataset<Row> trainPositives = Sequences.positives(train, positiveThreshold);
        RandomWalks walks = new RandomWalks(spark, params, seed);
        this.threads = Executors.newFixedThreadPool(2, daemonThreads());
        this.item2vec = threads.submit(() -> inGroup(() -> {
            Dataset<Row> fitted = new Item2Vec(params, seed).fit(Sequences.sentences(trainPositives));
            log.info("Item2vec fitted on the training split");
            Optional<Dataset<Row>> refitted = Optional.empty();
            if (params.refit() && params.published().equals("item2vec")) {
                refitted = Optional.of(new Item2Vec(params, seed).fit(Sequences.sentences(positives)));
                log.info("Item2vec refitted on the whole log");
            }
            return new Item2vecVectors(fitted, refitted);
        }));
        this.walked = threads.submit(() -> inGroup(() -> {
            TransitionGraph graph = walks.graph(Sequences.transitions(trainPositives));
            return List.of(walks.deepWalk(graph), walks.node2vec(graph));
        }));
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

    /** Waits for every fit; a failed fit's exception is rethrown. */
    Vectors await() {
        Item2vecVectors i2v = result(item2vec);
        List<Dataset<Row>> walks = result(walked);
        Map<String, Dataset<Row>> methods = new LinkedHashMap<>();
        methods.put("item2vec", i2v.onTrainingSplit());
        methods.put("deepwalk", walks.get(0));
        methods.put("node2vec", walks.get(1));
        return new Vectors(methods, i2v.refitted());
    }

    /** Cancels fits still running and frees the cached split. */
    @Override
    public void close() {
        if (!item2vec.isDone() || !walked.isDone()) {
            spark.sparkContext().cancelJobGroup(jobGroup);
        }
        threads.shutdownNow();
        train.unpersist();
    }

    private <T> T inGroup(Callable<T> body) throws Exception {
        // A job group is a thread-local property: every job this thread submits belongs to it.
        spark.sparkContext().setJobGroup(jobGroup, "Wren embedding fits", true);
        try {
            return body.call();
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedding fits", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "wren-embedding-fit-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
