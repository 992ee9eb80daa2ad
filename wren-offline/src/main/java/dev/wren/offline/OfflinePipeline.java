package dev.wren.offline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.offline.cf.AlsParams;
import dev.wren.offline.cf.CfParams;
import dev.wren.offline.cf.EaseNeighbours;
import dev.wren.offline.cf.ImplicitAls;
import dev.wren.offline.embed.Neighbours;
import dev.wren.offline.embed.NextItemEvaluation;
import dev.wren.offline.embed.UserEmbeddings;
import dev.wren.offline.features.ItemFeatures;
import dev.wren.offline.features.RatingEvents;
import dev.wren.offline.features.UserFeatures;
import dev.wren.offline.io.MovieLensData;
import dev.wren.offline.io.MovieLensReader;
import dev.wren.offline.lsh.SimilarItems;
import dev.wren.offline.publish.Manifest;
import dev.wren.offline.publish.SnapshotPublisher;
import dev.wren.offline.samples.FeatureTransforms;
import dev.wren.offline.samples.Samples;
import dev.wren.offline.stats.LogStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline batch tier's entry point: reads a MovieLens folder, runs the configured {@link Stage stages}, writes
 * Parquet and {@code manifest.json} under the output folder, and publishes serving features and embeddings to the
 * feature store as one new snapshot. A failed stage throws {@link OfflineStageException} naming it; the snapshot is
 * then closed without a commit, so nothing half-published goes live.
 *
 * <p>The session is the caller's ({@link #runInOwnSession} opens and stops one). Not thread-safe: one run at a time.
 */
public final class OfflinePipeline {
    private static final Logger log = LoggerFactory.getLogger(OfflinePipeline.class);
    private static final int HIT_RATE_K = 10;
    private static final int LSH_RECALL_QUERIES = 200;
    /** Above this many samples the feature transforms are fitted on a seeded sample of the training rows. */
    static final long FIT_ROWS = 2_000_000;

    private final SparkSession spark;

    public OfflinePipeline(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Opens a session on {@code config.master()} (unless spark-submit set one), runs, and stops it.
     *
     * @param store where to publish, or null to write files only
     */
    public static OfflineResult runInOwnSession(OfflineConfig config, FeatureStore store, ProgressListener progress) {
        SparkSession spark = SparkSessions.open(config.master(), config.shufflePartitions());
        try {
            OfflinePipeline pipeline = new OfflinePipeline(spark);
            return store == null ? pipeline.run(config, progress) : pipeline.run(config, store, progress);
        } finally {
            spark.stop();
        }
    }

    /** Runs and publishes to {@code store} (whose schema must be {@link FeatureSchema#standard} of the dimension). */
    public OfflineResult run(OfflineConfig config, FeatureStore store, ProgressListener progress) {
        return new Run(config, Optional.of(store), progress).execute();
    }

    /** Runs without publishing: Parquet outputs and the manifest only (the spark-submit path). */
    public OfflineResult run(OfflineConfig config, ProgressListener progress) {
        return new Run(config, Optional.empty(), progress).execute();
    }

    /** The state of one run, filled stage by stage. */
    private final class Run {
        private final OfflineConfig config;
        private final Optional<FeatureStore> store;
        private final ProgressListener progress;
        private final Manifest manifest;
        private final Map<Stage, Duration> timings = new EnumMap<>(Stage.class);
        private final Map<String, Double> hitRates = new LinkedHashMap<>();
        private final UserFeatures userFeatures;
        private OptionalDouble similarRecall = OptionalDouble.empty();
        private MovieLensData data;
        private List<String> vocabulary;
        private Dataset<Row> itemServing;
        private Dataset<Row> userServing;
        private Dataset<Row> itemVectors;
        private Dataset<Row> userVectors;
        private Dataset<Row> cfUsers;
        private Dataset<Row> cfItems;
        private EmbeddingFits embeddingFits;
        private long ratingCount;

        Run(OfflineConfig config, Optional<FeatureStore> store, ProgressListener progress) {
            this.config = config;
            this.store = store;
            this.progress = progress;
            this.manifest = new Manifest(config.output());
            this.userFeatures = new UserFeatures(config.users());
        }

        OfflineResult execute() {
            try {
                return stages();
            } finally {
                if (embeddingFits != null) {
                    embeddingFits.close();
                }
            }
        }

        private OfflineResult stages() {
            store.ifPresent(s -> checkSchema(s.schema()));
            manifest.put("parameters", parameters());
            stage(Stage.READ, this::read);
            if (config.runs(Stage.EMBED)) {
                startEmbeddingFits();
            }
            if (config.runs(Stage.FEATURES)) {
                stage(Stage.FEATURES, this::features);
            }
            if (config.runs(Stage.SAMPLES)) {
                stage(Stage.SAMPLES, this::samples);
            }
            if (embeddingFits != null) {
                // Only now: the graph fits would otherwise take CPU from the stages training needs.
                embeddingFits.startGraphFits();
            }
            if (config.runs(Stage.EMBED)) {
                stage(Stage.EMBED, this::embed);
            }
            if (config.runs(Stage.CF)) {
                stage(Stage.CF, this::cf);
            }
            if (config.runs(Stage.SIMILAR)) {
                stage(Stage.SIMILAR, this::similar);
            }
            if (config.runs(Stage.STATS)) {
                stage(Stage.STATS, this::stats);
            }
            Optional<String> published = Optional.empty();
            if (store.isPresent()) {
                published = Optional.of(stage(Stage.PUBLISH, this::publish));
            }
            Map<String, Long> timingMillis = new LinkedHashMap<>();
            timings.forEach((s, d) -> timingMillis.put(s.label(), d.toMillis()));
            manifest.put("stageMillis", timingMillis);
            manifest.write();
            return new OfflineResult(
                    config.output(),
                    published,
                    timings,
                    manifest.rowCounts(),
                    hitRates,
                    similarRecall,
                    data == null ? List.of() : data.badRows());
        }

        private void stage(Stage stage, Runnable body) {
            stage(stage, () -> {
                body.run();
                return null;
            });
        }

        private <T> T stage(Stage stage, Supplier<T> body) {
            log.info("stage {} started", stage.label());
            progress.stageStarted(stage);
            long start = System.nanoTime();
            try {
                T result = body.get();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                timings.put(stage, took);
                log.info("stage {} finished in {} ms", stage.label(), took.toMillis());
                progress.stageFinished(stage, took);
                return result;
            } catch (RuntimeException e) {
                log.error("stage {} failed: {}", stage.label(), e.toString());
                progress.stageFailed(stage, e);
                throw new OfflineStageException(stage, e);
            }
        }

        private void read() {
            data = new MovieLensReader(spark).read(config.input(), config.strictInput());
            // The reader caches the ratings already.
            data = data.withItems(data.items().persist(StorageLevel.MEMORY_AND_DISK()));
            ratingCount = data.ratings().count();
            manifest.put(
                    "input",
                    Map.of(
                            "folder", config.input().toString(),
                            "layout", data.layout().name(),
                            "files",
                                    data.files().stream()
                                            .map(p -> p.getFileName().toString())
                                            .toList(),
                            "hash", Manifest.inputHash(data.files()),
                            "ratings", ratingCount,
                            "items", data.items().count(),
                            "badRows",
                                    data.badRows().stream()
                                            .map(r -> Map.of(
                                                    "file", r.file(),
                                                    "count", r.badRows(),
                                                    "first", r.firstMessages()))
                                            .toList()));
            vocabulary = ItemFeatures.genreVocabulary(data.items());
            manifest.put("genreVocabulary", vocabulary);
        }

        private void features() {
            servingFeatures();
            manifest.writeParquet("features/items", itemServing);
            manifest.writeParquet("features/users", userServing);
        }

        private void servingFeatures() {
            if (itemServing == null) {
                itemServing = ItemFeatures.aggregate(data.ratings(), data.items(), vocabulary)
                        .persist(StorageLevel.MEMORY_AND_DISK());
                userServing = userFeatures
                        .serving(RatingEvents.of(data.ratings(), data.items()))
                        .persist(StorageLevel.MEMORY_AND_DISK());
            }
        }

        private void samples() {
            Samples builder = new Samples(userFeatures, config.samples(), config.seed());
            long cutoff = builder.timeCutoff(data.ratings());
            manifest.put("timeSplitCutoff", cutoff);
            // Every sample is read at least seven times (the count, each split's fit and its two writes). On disk, not
            // the heap: at 25M ratings the samples outgrow memory, and cached on the heap they crowded out the sorts
            // and kept the collector copying gigabytes; the operating system's page cache holds them instead.
            Dataset<Row> events =
                    UserFeatures.eventsOf(userFeatures.history(RatingEvents.of(data.ratings(), data.items())));
            Dataset<Row> samples =
                    builder.pointInTime(events, data.ratings(), cutoff).persist(StorageLevel.DISK_ONLY());
            long sampleCount = samples.count();
            manifest.put("sampleCount", sampleCount);
            // The static item columns and the numeric casts are cheap to add on every read: not cached.
            Dataset<Row> all = FeatureTransforms.prepare(Samples.withCatalogue(samples, data.items(), vocabulary));
            // The splits are independent: a second split is fitted and written from a second driver thread, so that
            // one split's planning and small fitting jobs overlap the other's writing.
            List<String> splits = config.samples().splits();
            List<SplitOutputs> written = new ArrayList<>();
            if (splits.size() == 1) {
                written.add(writeSplit(all, sampleCount, splits.get(0)));
            } else {
                try (BackgroundJob<SplitOutputs> second = BackgroundJob.start(
                        spark, splits.get(1) + "-split-samples", () -> writeSplit(all, sampleCount, splits.get(1)))) {
                    written.add(writeSplit(all, sampleCount, splits.get(0)));
                    written.add(second.await());
                }
            }
            Map<String, Object> fitted = new LinkedHashMap<>();
            for (SplitOutputs split : written) {
                fitted.put(split.name(), split.transforms());
                split.outputs().forEach(manifest::record);
            }
            manifest.put("transforms", fitted);
            samples.unpersist();
        }

        /** One split's fitted transforms and written samples, for the manifest. */
        private record SplitOutputs(
                String name, Map<String, Object> transforms, List<Manifest.ParquetOutput> outputs) {}

        /**
         * Fits one split's transforms on its training rows (a sample of them above {@link #FIT_ROWS} samples), then
         * writes them and the split's samples; any thread.
         */
        private SplitOutputs writeSplit(Dataset<Row> all, long sampleCount, String name) {
            String column = name + "Split";
            Dataset<Row> train = all.filter(col(column).equalTo(Samples.TRAIN));
            Dataset<Row> test = all.filter(col(column).equalTo(Samples.TEST));
            Dataset<Row> fitRows = FeatureTransforms.fitRows(train, sampleCount, FIT_ROWS, config.seed());
            boolean sampled = fitRows != train;
            if (sampled) {
                // Read once from the samples, then by each of the fit's passes.
                fitRows.persist(StorageLevel.MEMORY_AND_DISK());
            }
            PipelineModel transforms = new FeatureTransforms(config.samples().buckets()).fit(fitRows);
            if (sampled) {
                fitRows.unpersist();
            }
            try {
                transforms
                        .write()
                        .overwrite()
                        .save(config.output().resolve("transforms/" + name).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Manifest.ParquetOutput> outputs = List.of(
                    manifest.writeParquetUnrecorded(
                            "samples/" + name + "/train", sampleColumns(transforms.transform(train))),
                    manifest.writeParquetUnrecorded(
                            "samples/" + name + "/test", sampleColumns(transforms.transform(test))));
            return new SplitOutputs(name, FeatureTransforms.parameters(transforms), outputs);
        }

        private Dataset<Row> sampleColumns(Dataset<Row> transformed) {
            // Keep raw features (for models that embed ids and lists) and the assembled vector; drop intermediates.
            // The scaled numbers and the genre multi-hot are slices of the assembled vector: written again they cost
            // a third of the samples' (slow, per-element) Parquet writing.
            List<String> drop = List.of(transformed.columns()).stream()
                    .filter(c -> c.endsWith("_d")
                            || c.endsWith("_imp")
                            || c.endsWith("_idx")
                            || c.endsWith("_vec")
                            || c.equals("numeric")
                            || c.equals("numericScaled")
                            || c.equals("genreMultiHot"))
                    .toList();
            return transformed.drop(drop.toArray(String[]::new));
        }

        /** Starts the Word2Vec fits beside the feature stages; the embed stage awaits them. */
        private void startEmbeddingFits() {
            EmbeddingParams params = config.embedding().forLog(ratingCount);
            if (params.maxIter() != config.embedding().maxIter()) {
                log.info(
                        "Word2Vec trains {} epochs: {} ratings is above the large-log limit of {}"
                                + " (offline.embedding.large-log-ratings)",
                        params.maxIter(),
                        ratingCount,
                        params.largeLogRatings());
            }
            List<String> methods = params.methodsFor(ratingCount);
            if (methods.size() < EmbeddingParams.METHODS.size()) {
                log.info(
                        "Fitting {} embeddings only: {} ratings is above the comparison's limit of {}"
                                + " (offline.embedding.compare-up-to)",
                        params.published(),
                        ratingCount,
                        params.compareUpTo());
            }
            embeddingFits = new EmbeddingFits(
                    spark,
                    data.ratings(),
                    methods,
                    params,
                    config.samples().labelThreshold(),
                    config.samples().leaveLastN(),
                    config.seed());
        }

        private void embed() {
            EmbeddingParams params = config.embedding();
            double threshold = config.samples().labelThreshold();
            EmbeddingFits.Vectors fitted = embeddingFits.await();
            Map<String, Dataset<Row>> methods = fitted.methods();
            Dataset<Row> train = embeddingFits.train();
            Dataset<Row> test = embeddingFits.test();
            Dataset<Row> positives = embeddingFits.positives();
            Map<String, Neighbours> neighbours = new LinkedHashMap<>();
            methods.forEach((m, vectors) -> neighbours.put(m, Neighbours.of(vectors)));
            Map<String, NextItemEvaluation.Score> scores = new NextItemEvaluation(
                            HIT_RATE_K, params.evalUsers(), config.seed(), threshold)
                    .evaluate(train, test, neighbours);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("k", HIT_RATE_K);
            report.put("split", "leave-last-" + config.samples().leaveLastN());
            Map<String, Object> perMethod = new LinkedHashMap<>();
            scores.forEach((m, s) -> {
                hitRates.put(m, s.hitRate());
                perMethod.put(m, Map.of("users", s.users(), "hits", s.hits(), "hitRate", s.hitRate()));
                log.info(
                        "next-item hit rate@{} {}: {} ({} of {} users)",
                        HIT_RATE_K,
                        m,
                        String.format("%.4f", s.hitRate()),
                        s.hits(),
                        s.users());
            });
            report.put("methods", perMethod);
            manifest.writeJson("embeddings/evaluation.json", report);
            manifest.put("embeddingEvaluation", report);

            // What serving gets: the chosen method's vectors (the evaluation's fit, or refitted on the whole log when
            // asked), and users' recency-weighted means over all their positives.
            itemVectors = fitted.refitted().orElseGet(() -> methods.get(params.published()));
            itemVectors = itemVectors.persist(StorageLevel.MEMORY_AND_DISK());
            long end = data.ratings().agg(max("ts")).first().getLong(0);
            userVectors = UserEmbeddings.recencyWeighted(
                            positives, itemVectors, end + 1, config.users().embeddingHalfLifeDays())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            manifest.writeParquet("embeddings/items", itemVectors);
            manifest.writeParquet("embeddings/users", userVectors);
            for (Map.Entry<String, Dataset<Row>> m : methods.entrySet()) {
                manifest.writeParquet("embeddings/eval-" + m.getKey(), m.getValue());
            }
            embeddingFits.close();
            embeddingFits = null;
        }

        /** Implicit ALS on Spark, EASE on the driver; both over every rating as an interaction. */
        private void cf() {
            CfParams params = config.cf();
            AlsParams alsParams = params.alsFor(ratingCount);
            Dataset<Row> itemFactors;
            Dataset<Row> ease;
            // EASE's fit is one driver thread inverting a dense matrix; beside ALS's Spark tasks it fills the core that
            // would otherwise wait for it.
            try (BackgroundJob<Dataset<Row>> easeFit =
                    BackgroundJob.start(spark, "ease", () -> EaseNeighbours.fit(spark, data.ratings(), params))) {
                ALSModel als = ImplicitAls.fitModel(data.ratings(), alsParams);
                cfUsers = factors(als.userFactors(), "userId").persist(StorageLevel.MEMORY_AND_DISK());
                itemFactors = factors(als.itemFactors(), "itemId");
                ease = easeFit.await();
            }
            cfItems = itemFactors.join(ease, scalaSeq("itemId"), "full_outer").persist(StorageLevel.MEMORY_AND_DISK());
            manifest.writeParquet("cf/users", cfUsers);
            manifest.writeParquet("cf/items", cfItems);
            manifest.put(
                    "cf",
                    Map.of(
                            "easeLambda", params.easeLambda(),
                            "easeDropout", params.easeDropout(),
                            "easeItems", ease.count(),
                            "easeNeighbours", params.easeNeighbours(),
                            "als", alsParams));
        }

        private static Dataset<Row> factors(Dataset<Row> factors, String id) {
            return factors.select(col("id").as(id), col("features").as(FeatureSchema.CF_FACTORS));
        }

        private void similar() {
            if (itemVectors == null) {
                throw new IllegalStateException("the similar stage needs the embed stage in the same run");
            }
            SimilarItems.Result result = SimilarItems.defaults(config.seed())
                    .run(itemVectors, LSH_RECALL_QUERIES, spark.sparkContext().defaultParallelism() * 2);
            manifest.writeParquet("similar/items", result.similar());
            result.similar().unpersist();
            similarRecall = OptionalDouble.of(result.recallAtK());
            Map<String, Object> report = Map.of(
                    "k", 10, "queries", result.queries(), "recallAtK", result.recallAtK(), "method", result.method());
            manifest.writeJson("similar/recall.json", report);
            manifest.put("lsh", report);
            log.info(
                    "Similar items ({}): recall@10 against exact neighbours {}",
                    result.method(),
                    String.format("%.4f", result.recallAtK()));
        }

        private void stats() {
            manifest.writeJson("stats/stats.json", LogStatistics.compute(data.ratings(), data.items()));
        }

        private String publish() {
            servingFeatures();
            Dataset<Row> users = userServing;
            Dataset<Row> items = itemServing;
            if (itemVectors != null) {
                items = items.join(
                        itemVectors.withColumnRenamed("vector", FeatureSchema.EMBEDDING), scalaSeq("itemId"), "left");
                users = users.join(
                        userVectors.withColumnRenamed("vector", FeatureSchema.EMBEDDING), scalaSeq("userId"), "left");
            }
            if (cfItems != null) {
                items = items.join(cfItems, scalaSeq("itemId"), "left");
                users = users.join(cfUsers, scalaSeq("userId"), "left");
            }
            SnapshotPublisher.Published p =
                    SnapshotPublisher.publish(store.orElseThrow(), config.snapshotVersion(), users, items);
            manifest.put("published", Map.of("version", p.version(), "users", p.users(), "items", p.items()));
            return p.version();
        }

        private void checkSchema(FeatureSchema schema) {
            FeatureSchema expected = FeatureSchema.standard(
                    config.embedding().dimension(), config.cf().als().rank());
            if (!schema.userFeatures().equals(expected.userFeatures())
                    || !schema.itemFeatures().equals(expected.itemFeatures())) {
                throw new IllegalArgumentException("the feature store's schema is not FeatureSchema.standard("
                        + config.embedding().dimension() + ", "
                        + config.cf().als().rank()
                        + "): check the embedding dimension and the ALS rank");
            }
        }

        private Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            // The master in effect: spark-submit's, when it set one.
            p.put("master", spark.sparkContext().master());
            p.put("stages", config.stages().stream().map(Stage::label).toList());
            p.put("seed", config.seed());
            p.put("shufflePartitions", config.shufflePartitions());
            p.put("snapshotVersion", config.snapshotVersion());
            p.put("users", config.users());
            p.put("samples", config.samples());
            p.put("embedding", config.embedding());
            p.put("cf", config.cf());
            return p;
        }
    }

    private static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
    }
}
