package dev.wren.serving.pipeline;

import dev.wren.core.features.UserRows;
import dev.wren.core.model.Item;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.Features;
import dev.wren.data.movielens.MovieLensReader;
import dev.wren.data.movielens.ReadOptions;
import dev.wren.serving.PipelineSettings;
import dev.wren.serving.ab.Experiment;
import dev.wren.serving.ab.Variant;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.CoOccurrence;
import dev.wren.serving.data.Embeddings;
import dev.wren.serving.data.ItemStats;
import dev.wren.serving.data.RatingsIndex;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.events.RecentEvents;
import dev.wren.serving.models.ServingModels;
import dev.wren.serving.trend.Trending;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link ServingState}: reads the ratings, computes the catalogue statistics and item co-occurrence, builds the
 * ANN index over the store's item embeddings, and builds the stages. When the store has no live version yet, it first
 * publishes a bootstrap snapshot computed from the ratings (statistics, random-indexing embeddings, and the user
 * features by the offline pipeline's rules),
 * so that a fresh install serves every channel; a snapshot published by the offline pipeline is never overwritten.
 * Thread-safe: each load builds its own objects.
 */
public final class StateLoader {
    private static final Logger log = LoggerFactory.getLogger(StateLoader.class);

    private final FeatureStore store;
    private final RecentEvents recent;
    private final PipelineSettings settings;
    private final List<Experiment> experiments;
    private final StageFactories factories;
    private final int dimension;
    private final Optional<Path> modelsDir;
    private final Optional<Path> offlineDir;
    private final int scorerPool;
    private final Supplier<Trending> trends;

    /** A loader without models. */
    public StateLoader(
            FeatureStore store,
            RecentEvents recent,
            PipelineSettings settings,
            List<Experiment> experiments,
            StageFactories factories,
            int dimension) {
        this(store, recent, settings, experiments, factories, dimension, Optional.empty(), Optional.empty(), 1);
    }

    /**
     * @param modelsDir the models folder, when there is one
     * @param offlineDir the offline output the bundles were trained on, when not the one their metrics.json names
     * @param scorerPool requests the ranking model scores at the same time
     */
    public StateLoader(
            FeatureStore store,
            RecentEvents recent,
            PipelineSettings settings,
            List<Experiment> experiments,
            StageFactories factories,
            int dimension,
            Optional<Path> modelsDir,
            Optional<Path> offlineDir,
            int scorerPool) {
        this(
                store,
                recent,
                settings,
                experiments,
                factories,
                dimension,
                modelsDir,
                offlineDir,
                scorerPool,
                () -> Trending.NONE);
    }

    /**
     * @param trends the items trending now, which the {@code trending} channel reads ({@link Trending#NONE} without a
     *     stream job, as in an offline evaluation)
     */
    public StateLoader(
            FeatureStore store,
            RecentEvents recent,
            PipelineSettings settings,
            List<Experiment> experiments,
            StageFactories factories,
            int dimension,
            Optional<Path> modelsDir,
            Optional<Path> offlineDir,
            int scorerPool,
            Supplier<Trending> trends) {
        this.trends = Objects.requireNonNull(trends, "trends");
        this.modelsDir = modelsDir;
        this.offlineDir = offlineDir;
        this.scorerPool = scorerPool;
        this.store = store;
        this.recent = recent;
        this.settings = settings;
        this.experiments = List.copyOf(experiments);
        this.factories = factories;
        this.dimension = dimension;
        checkNames();
    }

    /**
     * Loads and validates a state from a MovieLens folder.
     *
     * @throws BrokenStateException when the folder cannot be read, holds no ratings, the store's embeddings do not
     *     fit, or a chosen model bundle is corrupt or was trained on another layout
     */
    public ServingState load(Path dataDir, String version) {
        return load(dataDir, version, Set.of());
    }

    /** As {@link #load(Path, String)}, passing over the {@code refused} model bundle version folders. */
    public ServingState load(Path dataDir, String version, Set<Path> refused) {
        long start = System.nanoTime();
        try {
            MovieLensReader reader = MovieLensReader.open(dataDir, ReadOptions.lenient());
            RatingsIndex ratings = RatingsIndex.read(reader);
            if (reader.items().isEmpty()) {
                throw new BrokenStateException(dataDir + " has no movies");
            }
            if (ratings.ratingCount() == 0) {
                throw new BrokenStateException(dataDir + " has no ratings");
            }
            Catalog catalog = Catalog.build(reader.items(), ratings);
            long read = System.nanoTime();
            CoOccurrence co =
                    CoOccurrence.build(ratings, settings.userFeatures().positiveThreshold(), 100, 50);
            long cooc = System.nanoTime();
            if (store.liveVersion().isEmpty()) {
                bootstrap(catalog, ratings);
            }
            Map<Integer, Features> itemRows = new HashMap<>();
            Map<Integer, float[]> vectors = new HashMap<>();
            store.scan(EntityKind.ITEM, (id, row) -> {
                itemRows.put(id, row);
                row.vector(FeatureSchema.EMBEDDING).ifPresent(v -> vectors.put(id, v));
            });
            CfModel cf = CfModel.from(itemRows, catalog.slots());
            VectorIndex factorIndex = cf.factorCount() == 0
                    ? VectorIndex.empty(Math.max(1, cf.rank()))
                    : VectorIndex.build(cf.factorsById(catalog), cf.rank(), VectorIndex.Similarity.DOT_PRODUCT);
            Map<Integer, float[]> cold = Embeddings.genreColdStart(catalog, vectors, dimension);
            vectors.putAll(cold);
            long scanned = System.nanoTime();
            VectorIndex index = VectorIndex.build(vectors, dimension);
            long indexed = System.nanoTime();
            if (index.size() == 0) {
                log.warn("The feature store has no item embeddings: the embedding channels will fall back");
            }
            ServingModels models = ServingModels.load(modelsDir, offlineDir, catalog, itemRows, scorerPool, refused);
            long modelled = System.nanoTime();
            try {
                UserContexts users = new UserContexts(catalog, ratings, recent, store, settings.userFeatures(), cf);
                ServingData data = new ServingData(
                        version, catalog, ratings, co, index, users, store, settings, models, cf, factorIndex, trends);
                ServingState state = new ServingState(data, factories.build(data), Instant.now());
                log.info(
                        "Loaded serving state {} from {}: {} items, {} users, {} ratings, {} item vectors ({} from"
                                + " genre peers), {} EASE rows, {} ALS item factors, models {} in {} ms (read {} ms,"
                                + " co-occurrence {} ms, store {} ms, ANN index {} ms, models {} ms)",
                        version,
                        dataDir,
                        catalog.size(),
                        ratings.users().size(),
                        ratings.ratingCount(),
                        index.size(),
                        cold.size(),
                        cf.neighbourRows(),
                        cf.factorCount(),
                        models.labels(),
                        (System.nanoTime() - start) / 1_000_000,
                        (read - start) / 1_000_000,
                        (cooc - read) / 1_000_000,
                        (scanned - cooc) / 1_000_000,
                        (indexed - scanned) / 1_000_000,
                        (modelled - indexed) / 1_000_000);
                return state;
            } catch (RuntimeException e) {
                models.close();
                throw e;
            }
        } catch (BrokenStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BrokenStateException("cannot load serving state from " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void bootstrap(Catalog catalog, RatingsIndex ratings) {
        String version = "bootstrap-" + System.currentTimeMillis();
        Map<Integer, float[]> vectors = Embeddings.randomIndexing(
                ratings, settings.userFeatures().positiveThreshold(), dimension, settings.embeddingSeed());
        Map<Integer, Features> items = new HashMap<>();
        for (int id : catalog.byPopularity()) {
            Item item = catalog.item(id).orElseThrow();
            ItemStats s = catalog.stats(id);
            Features.Builder b = Features.builder()
                    .textList(FeatureSchema.GENRES, item.genres())
                    .number(FeatureSchema.RATING_COUNT, s.count())
                    .number(FeatureSchema.RATING_AVG, s.average())
                    .number(FeatureSchema.POPULARITY_RANK, s.popularityRank())
                    .number(FeatureSchema.LAST_RATING_TIME, s.lastRated());
            item.year().ifPresent(y -> b.number(FeatureSchema.RELEASE_YEAR, y));
            float[] v = vectors.get(id);
            if (v != null) {
                b.vector(FeatureSchema.EMBEDDING, v);
            }
            items.put(id, b.build());
        }
        Map<Integer, Features> users = new HashMap<>();
        ratings.all()
                .forEach((userId, ur) -> users.put(
                        userId,
                        UserRows.row(
                                UserFeatureRows.history(ur, List.of(), catalog),
                                settings.userFeatures(),
                                vectors::get,
                                dimension)));
        try (FeatureStore.SnapshotWriter writer = store.beginSnapshot(version)) {
            writer.put(EntityKind.ITEM, items);
            writer.put(EntityKind.USER, users);
            writer.commit();
        }
        log.info(
                "The feature store was empty: published bootstrap snapshot {} ({} items, {} users, dimension {})",
                version,
                items.size(),
                users.size(),
                dimension);
    }

    /** Refuses, at start-up, a configuration that names a stage nobody registered. */
    private void checkNames() {
        List<String> channels = new ArrayList<>(settings.channels());
        channels.addAll(settings.fallbacks());
        List<String> rankers = new ArrayList<>(List.of(settings.ranker()));
        List<String> rerankers = new ArrayList<>(List.of(settings.reranker()));
        for (Experiment e : experiments) {
            for (Variant v : e.variants()) {
                v.channels().ifPresent(channels::addAll);
                v.ranker().ifPresent(rankers::add);
                v.reranker().ifPresent(rerankers::add);
            }
        }
        check("recall channel", channels, factories.retrievers().keySet());
        check("ranker", rankers, factories.rankers().keySet());
        check("re-ranker", rerankers, factories.rerankers().keySet());
    }

    private static void check(String what, List<String> named, Set<String> known) {
        for (String n : named) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("unknown " + what + " '" + n + "'; known: " + known);
            }
        }
    }
}
