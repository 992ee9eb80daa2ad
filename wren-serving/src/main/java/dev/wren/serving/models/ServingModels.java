package dev.wren.serving.models;

import dev.wren.core.model.Item;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.model.bundle.BundleException;
import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.online.ModelsFolder;
import dev.wren.model.online.ServingBundle;
import dev.wren.model.online.StoreFeatureEncoder;
import dev.wren.model.serve.ItemFeatures;
import dev.wren.model.serve.Scorer;
import dev.wren.model.serve.UserFeatures;
import dev.wren.model.topk.TopKRanker;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.IdSlots;
import dev.wren.serving.data.VectorIndex;
import dev.wren.serving.pipeline.BrokenStateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agrona.collections.Int2ObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of one serving state: the ranking bundle with the best validation AUC in the models folder, and the best
 * two-tower bundle, each with its items' features encoded once at load (and, for the two-tower, the ANN index of its
 * item-tower vectors), so that a request only encodes its user. Thread-safe: immutable after load; {@link #close}
 * releases the native models once no request uses them any more.
 */
public final class ServingModels implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServingModels.class);
    /** Items per forward pass when computing item-tower vectors at load. */
    private static final int TOWER_BATCH = 1024;

    private final Optional<Encoded> ranker;
    private final Optional<Towers> retriever;
    private final Optional<LoadedTopKRanker> topK;

    /**
     * The learned top-K ranker of the models folder.
     *
     * @param ranker the ranker
     * @param label its model and version, e.g. {@code topk-ranker/v2}
     */
    public record LoadedTopKRanker(TopKRanker ranker, String label) {}

    /** A bundle and its catalogue's item features, encoded once. Thread-safe: read-only after construction. */
    public static final class Encoded {
        private final ServingBundle bundle;
        // Primitive keys: the ranker looks up every candidate of every request here.
        private final Int2ObjectHashMap<ItemFeatures> items;
        // Looked up for every candidate of every request: a dense slot table and an array, no hashing.
        private final IdSlots packedSlots;
        private final Scorer.PackedItem[] packed;

        /**
         * @param bundle the opened bundle
         * @param items each catalogue item's features in the bundle's encoding
         */
        public Encoded(ServingBundle bundle, Map<Integer, ItemFeatures> items) {
            this.bundle = bundle;
            this.items = new Int2ObjectHashMap<>();
            List<Integer> ids = new ArrayList<>(items.keySet());
            ids.sort(null);
            ids.forEach(id -> this.items.put(id, items.get(id)));
            if (!bundle.isRetrieval()) {
                // Packed as one catalogue: a DeepFM then gathers a request's candidates in one native call.
                List<Scorer.PackedItem> all =
                        bundle.scorer().packAll(ids.stream().map(items::get).toList());
                this.packedSlots =
                        new IdSlots(ids.stream().mapToInt(Integer::intValue).toArray());
                this.packed = all.toArray(new Scorer.PackedItem[0]);
            } else {
                this.packedSlots = new IdSlots(new int[0]);
                this.packed = new Scorer.PackedItem[0];
            }
        }

        public ServingBundle bundle() {
            return bundle;
        }

        /** The ids of the items encoded at load. */
        public Set<Integer> ids() {
            return Collections.unmodifiableSet(items.keySet());
        }

        /** The item's features; an item unknown at load is encoded as a store row with nothing in it. */
        public ItemFeatures item(int itemId) {
            ItemFeatures f = items.get(itemId);
            return f != null ? f : bundle.encoder().item(itemId, Features.empty());
        }

        /** The item's features packed for the ranking scorer (see {@link #item}). */
        public Scorer.PackedItem packed(int itemId) {
            int slot = packedSlots.slot(itemId);
            return slot != IdSlots.NONE ? packed[slot] : bundle.scorer().pack(item(itemId));
        }
    }

    /**
     * A two-tower bundle with the ANN index of its item vectors (dot product: the model's logit).
     *
     * @param model the bundle and its encoded items
     * @param index item-tower vectors
     * @param anyItem an item row to pair the user with (the item tower ignores the user and vice versa)
     */
    public record Towers(Encoded model, VectorIndex index, ItemFeatures anyItem) {
        /** The user's tower vector. */
        public float[] user(UserFeatures user) {
            return model.bundle().towers().user(user, anyItem);
        }
    }

    private ServingModels(Optional<Encoded> ranker, Optional<Towers> retriever, Optional<LoadedTopKRanker> topK) {
        this.ranker = ranker;
        this.retriever = retriever;
        this.topK = topK;
    }

    /** No models: the {@code model} ranker falls back to the blend ranker, the two-tower channel finds nothing. */
    public static ServingModels none() {
        return new ServingModels(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Opens the best ranking and the best two-tower bundle of the models folder.
     *
     * @param itemRows the store's item rows, by id (items of the catalogue missing there are encoded from the
     *     catalogue's genres and year)
     * @param poolSize predictors of the ranking scorer: requests scored at the same time
     * @throws BrokenStateException when a chosen bundle is corrupt or was trained on another layout: a new state with
     *     it is refused, and the live one keeps serving
     */
    public static ServingModels load(
            Optional<Path> root,
            Optional<Path> offline,
            Catalog catalog,
            Map<Integer, Features> itemRows,
            int poolSize) {
        return load(root, offline, catalog, itemRows, poolSize, Set.of());
    }

    /**
     * As {@link #load(Optional, Optional, Catalog, Map, int)}, passing over the {@code refused} version folders; the
     * exception names the bundle at fault, when one is.
     */
    public static ServingModels load(
            Optional<Path> root,
            Optional<Path> offline,
            Catalog catalog,
            Map<Integer, Features> itemRows,
            int poolSize,
            Set<Path> refused) {
        if (root.isEmpty()) {
            log.info("No models folder: the 'model' ranker is the blend ranker");
            return none();
        }
        List<AutoCloseable> opened = new ArrayList<>();
        Path[] opening = {null};
        try {
            List<ModelsFolder.Entry> entries = ModelsFolder.latest(root.get(), refused);
            Optional<Encoded> ranker = ModelsFolder.bestRanker(entries).map(e -> {
                opening[0] = e.dir();
                ServingBundle b = ServingBundle.open(e.dir(), offline, poolSize);
                opened.add(b);
                return encode(b, catalog, itemRows);
            });
            Optional<Towers> retriever = ModelsFolder.bestRetriever(entries).map(e -> {
                opening[0] = e.dir();
                ServingBundle b = ServingBundle.open(e.dir(), offline, 1);
                opened.add(b);
                return towers(encode(b, catalog, itemRows));
            });
            Optional<LoadedTopKRanker> topK = ModelsFolder.topKRanker(root.get(), refused)
                    .map(dir -> {
                        opening[0] = dir;
                        TopKRanker r = TopKRanker.load(dir, poolSize);
                        opened.add(r);
                        return new LoadedTopKRanker(r, ModelsFolder.TOPK_RANKER + "/" + dir.getFileName());
                    });
            if (ranker.isEmpty()) {
                log.info("No ranking bundle in {}: the 'model' ranker falls back to the blend ranker", root.get());
            }
            return new ServingModels(ranker, retriever, topK);
        } catch (BundleException | IllegalArgumentException | IllegalStateException e) {
            closeAll(opened);
            throw new BrokenStateException(
                    "refused the models in " + root.get() + ": " + e.getMessage(),
                    e,
                    bundleAtFault(root.get(), refused, opening[0]));
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Cannot close a model after a failed load: {}", e.getMessage());
            }
        }
    }

    /**
     * The version folder a failure is about: the bundle being opened, or, when listing the folder failed (a missing or
     * malformed {@code bundle.json}), the first newest version whose manifest does not read.
     */
    private static Path bundleAtFault(Path root, Set<Path> refused, Path opening) {
        if (opening != null) {
            return opening;
        }
        try (var children = java.nio.file.Files.list(root)) {
            for (Path child : children.sorted().toList()) {
                if (!java.nio.file.Files.isDirectory(child)) {
                    continue;
                }
                Optional<Path> newest = ModelsFolder.newest(child, refused);
                if (newest.isPresent()) {
                    try {
                        ModelBundle.manifest(newest.get());
                    } catch (BundleException e) {
                        return newest.get();
                    }
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return null;
    }

    private static Encoded encode(ServingBundle bundle, Catalog catalog, Map<Integer, Features> itemRows) {
        StoreFeatureEncoder encoder = bundle.encoder();
        Map<Integer, ItemFeatures> items = new HashMap<>();
        for (int id : catalog.byPopularity()) {
            Features row = itemRows.get(id);
            items.put(
                    id,
                    encoder.item(
                            id,
                            row != null ? row : catalogueRow(catalog.item(id).orElseThrow())));
        }
        return new Encoded(bundle, items);
    }

    /** What the catalogue knows of an item the store has no row for. */
    static Features catalogueRow(Item item) {
        Features.Builder b = Features.builder().textList(FeatureSchema.GENRES, item.genres());
        item.year().ifPresent(y -> b.number(FeatureSchema.RELEASE_YEAR, y));
        return b.build();
    }

    private static Towers towers(Encoded model) {
        List<Integer> ids = new ArrayList<>(model.ids());
        ids.sort(null);
        UserFeatures anyUser = model.bundle().encoder().user(0, Features.empty());
        Map<Integer, float[]> vectors = new HashMap<>();
        int dimension = 0;
        for (int from = 0; from < ids.size(); from += TOWER_BATCH) {
            List<Integer> batch = ids.subList(from, Math.min(ids.size(), from + TOWER_BATCH));
            List<ItemFeatures> features = batch.stream().map(model::item).toList();
            float[][] v = model.bundle().towers().items(anyUser, features);
            for (int i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i), v[i]);
                dimension = v[i].length;
            }
        }
        VectorIndex index = vectors.isEmpty()
                ? VectorIndex.empty(1)
                : VectorIndex.build(vectors, dimension, VectorIndex.Similarity.DOT_PRODUCT);
        ItemFeatures anyItem = model.item(ids.isEmpty() ? 0 : ids.get(0));
        log.info(
                "Two-tower {}: ANN index of {} item vectors ({}-d)",
                model.bundle().label(),
                index.size(),
                dimension);
        return new Towers(model, index, anyItem);
    }

    public Optional<Encoded> ranker() {
        return ranker;
    }

    public Optional<Towers> retriever() {
        return retriever;
    }

    /** The learned top-K ranker, when the models folder holds one. */
    public Optional<LoadedTopKRanker> topK() {
        return topK;
    }

    /** The bundles in use, e.g. {@code [deepfm/v2, two-tower/v1]}. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        ranker.ifPresent(r -> out.add(r.bundle().label()));
        retriever.ifPresent(r -> out.add(r.model().bundle().label()));
        topK.ifPresent(r -> out.add(r.label()));
        return out;
    }

    @Override
    public void close() {
        ranker.ifPresent(r -> r.bundle().close());
        retriever.ifPresent(r -> r.model().bundle().close());
        topK.ifPresent(r -> r.ranker().close());
    }
}
