package dev.wren.eval.pipeline;

import dev.wren.core.model.Item;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.data.movielens.MovieLensWriter;
import dev.wren.eval.data.RatingLog;
import dev.wren.model.blocks.ModelCatalog;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.offline.OfflineSamples;
import dev.wren.model.offline.OfflineTraining;
import dev.wren.model.online.ModelsFolder;
import dev.wren.model.topk.TopKRanker;
import dev.wren.model.train.TrainConfig;
import dev.wren.offline.OfflineConfig;
import dev.wren.offline.OfflinePipeline;
import dev.wren.offline.ProgressListener;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.models.TwoTowerRetriever;
import dev.wren.store.FeatureStores;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the offline tier builds from a training split, as `wren offline` and `wren train` build it: the training
 * ratings written as a MovieLens folder, the offline pipeline's outputs, its snapshot in an embedded feature store,
 * and the trained model bundles. Serving states with any settings load over it ({@link #serve}). Not thread-safe to
 * build; {@link #close} closes the store.
 */
public final class PipelineFit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PipelineFit.class);
    /** Validation share of the offline samples when training, as `wren train` uses. */
    private static final double VALIDATION_FRACTION = 0.1;

    private final Path data;
    private final Path offline;
    private final Path models;
    private final FeatureStore store;
    private final PipelineOptions options;

    private PipelineFit(Path data, Path offline, Path models, FeatureStore store, PipelineOptions options) {
        this.data = data;
        this.offline = offline;
        this.models = models;
        this.store = store;
        this.options = options;
    }

    /**
     * Fits in {@code work} (which should be empty).
     *
     * @param spark the session the offline pipeline runs in (the caller's; not stopped)
     */
    public static PipelineFit fit(
            SparkSession spark, Collection<Item> catalogue, RatingLog train, Path work, PipelineOptions options) {
        long start = System.nanoTime();
        Path data = writeTrainingFolder(catalogue, train, work.resolve("data"));
        Path offline = work.resolve("offline");
        Path models = work.resolve("models");
        FeatureStore store = FeatureStores.open(
                "embedded:" + work.resolve("store"),
                FeatureSchema.standard(options.dimension(), options.cf().als().rank()));
        try {
            OfflineConfig config = OfflineConfig.defaults(data, offline)
                    .withSnapshotVersion("eval")
                    .withCf(options.cf());
            config = config.withEmbedding(config.embedding().withDimension(options.dimension()));
            new OfflinePipeline(spark).run(config, store, ProgressListener.none());
            train(offline, models, options);
            log.info("Fitted the pipeline on {} ratings in {} s", train.size(), (System.nanoTime() - start) / 1e9);
            return new PipelineFit(data, offline, models, store, options);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Writes the training ratings and the whole catalogue as a MovieLens folder: every tier reads only this, so no
     * held-out rating can reach a feature, a sample or a model.
     */
    public static Path writeTrainingFolder(Collection<Item> catalogue, RatingLog train, Path dir) {
        MovieLensWriter.write(dir, catalogue, v -> {
            for (int r = 0; r < train.size(); r++) {
                v.visit(train.user(r), train.item(r), train.rating(r), train.timestamp(r));
            }
        });
        return dir;
    }

    private static void train(Path offline, Path models, PipelineOptions options) {
        if (options.models().isEmpty()) {
            return;
        }
        OfflineSamples samples = OfflineSamples.open(offline, "time", VALIDATION_FRACTION);
        ModelCatalog catalog = OfflineTraining.catalog(samples.layout());
        for (String model : options.models()) {
            ModelSpec spec = catalog.byName(model);
            OfflineTraining.train(samples, spec, TrainConfig.defaultsFor(spec).withSeed(options.seed()), models);
        }
    }

    /** A serving state over this fit with these settings, through the HTTP endpoint's own pipeline code. */
    public PipelineRecommender serve(String name, PipelineSettings settings, Path work) {
        return PipelineRecommender.load(name, data, offline, models, store, settings, options.dimension(), work);
    }

    /** Saves the ranker in this fit's models folder as its newest version, where serving states loaded next find it. */
    public void install(TopKRanker ranker) {
        ModelsFolder.saveTopKRanker(models, ranker);
    }

    /** Whether a two-tower model was trained, so that serving recalls with it too. */
    public boolean hasRetrievalModel() {
        return options.models().contains(TwoTowerRetriever.NAME);
    }

    public PipelineOptions options() {
        return options;
    }

    @Override
    public void close() {
        store.close();
    }
}
