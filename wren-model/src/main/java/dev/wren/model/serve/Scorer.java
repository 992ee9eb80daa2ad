package dev.wren.model.serve;

import ai.djl.inference.Predictor;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.translate.TranslateException;
import dev.wren.model.blocks.FactorisedDeepFm;
import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericField;
import dev.wren.model.data.SampleBatch;
import dev.wren.model.data.Side;
import dev.wren.model.train.TrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one user against many candidates in one forward pass. Thread-safe: DJL predictors are not, so each call
 * borrows one from a fixed pool (callers beyond the pool size wait). Closing the scorer closes the predictors, not
 * the model.
 */
public final class Scorer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scorer.class);

    private final Columns columns;
    /** DeepFM's user/item split, when the model is a DeepFM: then scoring runs no forward pass at all. */
    private final Optional<FactorisedDeepFm> factorised;

    private final BlockingQueue<Predictor<SampleBatch, float[]>> pool;
    private final List<Predictor<SampleBatch, float[]>> all = new ArrayList<>();

    public Scorer(TrainedModel model, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be positive, got " + poolSize);
        }
        this.columns = new Columns(model.layout());
        this.factorised = FactorisedDeepFm.of(model.model().getBlock(), model.layout(), model.scaling());
        int threads = JniUtils.getNumThreads();
        if (threads > 1) {
            // Several intra-op threads per call make concurrent requests wait on each other's OpenMP threads, which
            // multiplied the median and p99 latency in our measurements (wren-model/BENCHMARK.md).
            log.warn(
                    "PyTorch runs {} intra-op threads per call; for serving, run with"
                            + " -Dai.djl.pytorch.num_threads=1 and one predictor per core (poolSize)",
                    threads);
        }
        this.pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Predictor<SampleBatch, float[]> predictor = model.newPredictor();
            all.add(predictor);
            pool.add(predictor);
        }
    }

    /**
     * A candidate's item-side values resolved to this scorer's columns once, so that scoring it copies two arrays
     * instead of looking up every field by name. Serving packs its catalogue at load.
     *
     * @param categorical the item categorical columns' indices, in the layout's item-column order
     * @param numeric the item numeric columns' values, in the layout's item-column order
     * @param part the item's share of a factorised model (DeepFM), or null
     * @param catalogue the packed catalogue the item belongs to, or null
     * @param slot the item's slot in that catalogue (-1 without one)
     */
    public record PackedItem(
            int[] categorical,
            float[] numeric,
            FactorisedDeepFm.Part part,
            FactorisedDeepFm.Catalogue catalogue,
            int slot) {}

    /**
     * Packs a whole catalogue at once; for a DeepFM the items' parts are also laid out for batched scoring (one
     * native gather per request), so serving should pack its items this way, once.
     */
    public List<PackedItem> packAll(List<ItemFeatures> items) {
        List<PackedItem> packed = new ArrayList<>(items.size());
        for (ItemFeatures item : items) {
            packed.add(pack(item));
        }
        if (factorised.isEmpty()) {
            return packed;
        }
        FactorisedDeepFm.Catalogue catalogue =
                factorised.get().catalogue(packed.stream().map(PackedItem::part).toList());
        List<PackedItem> out = new ArrayList<>(packed.size());
        for (int i = 0; i < packed.size(); i++) {
            PackedItem p = packed.get(i);
            out.add(new PackedItem(p.categorical(), p.numeric(), p.part(), catalogue, i));
        }
        return out;
    }

    /**
     * The item's values in this scorer's columns.
     *
     * @throws IllegalArgumentException when the item lacks a field of the layout
     */
    public PackedItem pack(ItemFeatures item) {
        PackedItem packed = columns.pack(item, -1);
        return factorised
                .map(f -> new PackedItem(
                        packed.categorical(),
                        packed.numeric(),
                        f.item(packed.categorical(), packed.numeric()),
                        null,
                        -1))
                .orElse(packed);
    }

    /** Click probabilities of the candidates for the user, in candidate order. */
    public float[] score(UserFeatures user, List<ItemFeatures> candidates) {
        PackedItem[] packed = new PackedItem[candidates.size()];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = columns.pack(candidates.get(i), i);
        }
        return score(user, packed);
    }

    /**
     * A user ready to be scored against candidates. For a factorised DeepFM it holds the user's share of the first
     * layer and of the FM terms, the part of a request's scoring that depends on the user alone (a visible share of
     * the recommendation endpoint's CPU when recomputed per request); callers that see the same user again keep it.
     * Immutable.
     */
    public static final class PreparedUser {
        private final UserFeatures features;
        private final FactorisedDeepFm.Part part; // null when the model is not factorised

        private PreparedUser(UserFeatures features, FactorisedDeepFm.Part part) {
            this.features = features;
            this.part = part;
        }
    }

    /** The user prepared for {@link #score(PreparedUser, PackedItem[])}. */
    public PreparedUser prepare(UserFeatures user) {
        return new PreparedUser(
                user, factorised.map(f -> columns.userPart(f, user)).orElse(null));
    }

    /** Click probabilities of packed candidates (from {@link #pack}) for the user, in candidate order. */
    public float[] score(UserFeatures user, PackedItem[] candidates) {
        return score(prepare(user), candidates);
    }

    /** Click probabilities of packed candidates for a prepared user, in candidate order. */
    public float[] score(PreparedUser prepared, PackedItem[] candidates) {
        if (candidates.length == 0) {
            return new float[0];
        }
        UserFeatures user = prepared.features;
        if (factorised.isPresent()) {
            return scoreFactorised(factorised.get(), prepared.part, candidates);
        }
        SampleBatch batch = columns.toBatch(user, candidates);
        Predictor<SampleBatch, float[]> predictor;
        try {
            predictor = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor", e);
        }
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("scoring failed: " + e.getMessage(), e);
        } finally {
            pool.add(predictor);
        }
    }

    private float[] scoreFactorised(FactorisedDeepFm f, FactorisedDeepFm.Part user, PackedItem[] candidates) {
        FactorisedDeepFm.Catalogue catalogue = candidates[0].catalogue();
        int[] slots = new int[candidates.length];
        for (int i = 0; i < candidates.length && catalogue != null; i++) {
            if (candidates[i].catalogue() != catalogue) {
                catalogue = null;
            } else {
                slots[i] = candidates[i].slot();
            }
        }
        if (catalogue != null) {
            return f.score(user, catalogue, slots);
        }
        FactorisedDeepFm.Part[] parts = new FactorisedDeepFm.Part[candidates.length];
        for (int i = 0; i < parts.length; i++) {
            PackedItem c = candidates[i];
            parts[i] = c.part() != null ? c.part() : f.item(c.categorical(), c.numeric());
        }
        return f.score(user, parts);
    }

    /** The request as a batch in the layout's encoding: user values repeated, candidate values per row. */
    static SampleBatch toBatch(FeatureLayout layout, UserFeatures user, List<ItemFeatures> candidates) {
        Columns columns = new Columns(layout);
        PackedItem[] packed = new PackedItem[candidates.size()];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = columns.pack(candidates.get(i), i);
        }
        return columns.toBatch(user, packed);
    }

    /**
     * The layout's fields split by side, resolved once per scorer, so a request costs one map lookup per candidate
     * and item field and no per-field scanning of the layout.
     */
    static final class Columns {
        private final int f;
        private final int m;
        private final int l;
        private final boolean hasSequence;
        private final int[] userCategorical;
        private final int[] itemCategorical;
        private final int[] userNumeric;
        private final int[] itemNumeric;
        private final String[] categoricalNames;
        private final String[] numericNames;
        private final int[] vocabularySizes;

        Columns(FeatureLayout layout) {
            this.f = layout.categoricalCount();
            this.m = layout.numericCount();
            this.l = layout.sequenceLength();
            this.hasSequence = layout.sequence().isPresent();
            this.userCategorical = layout.categoricalColumns(Side.USER);
            this.itemCategorical = layout.categoricalColumns(Side.ITEM);
            this.userNumeric = layout.numericColumns(Side.USER);
            this.itemNumeric = layout.numericColumns(Side.ITEM);
            this.categoricalNames =
                    layout.categorical().stream().map(CategoricalField::name).toArray(String[]::new);
            this.numericNames =
                    layout.numeric().stream().map(NumericField::name).toArray(String[]::new);
            this.vocabularySizes = layout.categorical().stream()
                    .mapToInt(CategoricalField::vocabularySize)
                    .toArray();
        }

        /** The item's values in item-column order; {@code at} names the candidate in errors (-1: none). */
        PackedItem pack(ItemFeatures item, int at) {
            int[] cats = new int[itemCategorical.length];
            for (int c = 0; c < cats.length; c++) {
                cats[c] = categorical(item.categorical(), itemCategorical[c], at);
            }
            float[] nums = new float[itemNumeric.length];
            for (int c = 0; c < nums.length; c++) {
                nums[c] = numeric(item.numeric(), itemNumeric[c], at);
            }
            return new PackedItem(cats, nums, null, null, -1);
        }

        /** The user's part of a factorised model. */
        FactorisedDeepFm.Part userPart(FactorisedDeepFm f, UserFeatures user) {
            return f.user(userCategorical(user), userNumeric(user));
        }

        /** The user's categorical indices, in the layout's user-column order. */
        int[] userCategorical(UserFeatures user) {
            int[] cats = new int[userCategorical.length];
            for (int c = 0; c < cats.length; c++) {
                cats[c] = categorical(user.categorical(), userCategorical[c], USER);
            }
            return cats;
        }

        /** The user's raw numeric values, in the layout's user-column order. */
        float[] userNumeric(UserFeatures user) {
            float[] nums = new float[userNumeric.length];
            for (int c = 0; c < nums.length; c++) {
                nums[c] = numeric(user.numeric(), userNumeric[c], USER);
            }
            return nums;
        }

        SampleBatch toBatch(UserFeatures user, PackedItem[] candidates) {
            int n = candidates.length;
            int[] userRow = new int[f];
            float[] userValues = new float[m];
            for (int j : userCategorical) {
                userRow[j] = categorical(user.categorical(), j, USER);
            }
            for (int j : userNumeric) {
                userValues[j] = numeric(user.numeric(), j, USER);
            }
            int[] recent = new int[l];
            if (hasSequence) {
                System.arraycopy(user.recentItems(), 0, recent, 0, Math.min(l, user.recentItems().length));
            }
            int[] categorical = new int[n * f];
            float[] numeric = new float[n * m];
            int[] sequence = new int[n * l];
            for (int i = 0; i < n; i++) {
                PackedItem item = candidates[i];
                int cat = i * f;
                System.arraycopy(userRow, 0, categorical, cat, f);
                for (int c = 0; c < itemCategorical.length; c++) {
                    categorical[cat + itemCategorical[c]] = item.categorical()[c];
                }
                int num = i * m;
                System.arraycopy(userValues, 0, numeric, num, m);
                for (int c = 0; c < itemNumeric.length; c++) {
                    numeric[num + itemNumeric[c]] = item.numeric()[c];
                }
                if (l > 0) {
                    System.arraycopy(recent, 0, sequence, i * l, l);
                }
            }
            return new SampleBatch(n, categorical, numeric, sequence, new float[n], new long[n]);
        }

        /** Who lacks a field, for the error: the user, a candidate by position, or an item being packed. */
        private static String who(int at) {
            return at == USER ? "user" : at >= 0 ? "candidate " + at : "item";
        }

        private static final int USER = Integer.MIN_VALUE;

        private int categorical(Map<String, Integer> values, int column, int at) {
            Integer index = values.get(categoricalNames[column]);
            if (index == null) {
                throw new IllegalArgumentException(
                        who(at) + " lacks categorical field '" + categoricalNames[column] + "'");
            }
            if (index < 0 || index >= vocabularySizes[column]) {
                return 0; // unseen value: the reserved unknown index
            }
            return index;
        }

        private float numeric(Map<String, Float> values, int column, int at) {
            Float value = values.get(numericNames[column]);
            if (value == null || !Float.isFinite(value)) {
                throw new IllegalArgumentException(
                        who(at) + " lacks a finite value for numeric field '" + numericNames[column] + "'");
            }
            return value;
        }
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
    }
}
