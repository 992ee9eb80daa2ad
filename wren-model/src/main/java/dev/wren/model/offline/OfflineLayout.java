package dev.wren.model.offline;

import dev.wren.model.bundle.ModelBundle;
import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericField;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SequenceField;
import dev.wren.model.data.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.example.data.Group;

/**
 * Maps one split of the offline output to a {@link FeatureLayout} and decodes its Parquet rows into {@link Sample}s.
 *
 * <p>Categorical fields: {@code userId} and {@code itemId} (each id seen in training has its own embedding row, dense
 * from 1 in ascending id order, see {@link #userIndex} and {@link #itemIndex}; the field's vocabulary lists the ids, so
 * a bundle's layout carries the mapping), the item's genre slots with the fitted StringIndexer labels, the user's top genres as
 * {@code userGenre1..k} over the genre vocabulary, and each bucketed count as {@code <column>Bucket} over the fitted
 * boundaries (bucket b is index b + 1). Numeric fields: the pipeline's numeric columns, raw, a missing value replaced
 * by its fitted training mean (models standardise them with {@code NumericScaling}). Sequence: the user's recent
 * positive items, newest first. Label: the {@code label} column; group: the user id. Unknown values become index 0.
 * Thread-safe: immutable.
 */
public final class OfflineLayout {
    public static final String USER_ID = "userId";
    public static final String ITEM_ID = "itemId";
    public static final String LABEL = "label";
    public static final String TIME = "ts";
    public static final String RECENT_POSITIVES = "userRecentPositives";
    public static final String TOP_GENRES = "userTopGenres";
    public static final String USER_GENRE = "userGenre";
    public static final String BUCKET_SUFFIX = "Bucket";
    /** The offline manifest's copy in a bundle folder, see {@link #writeTo} and {@link #fromBundle}. */
    public static final String BUNDLE_FILE = "offline-manifest.json";

    private final OfflineManifest manifest;
    private final FeatureLayout layout;
    private final List<String> columns;
    private final Map<String, Integer> column = new HashMap<>();
    private final List<Map<String, Integer>> labelIndex = new ArrayList<>();
    private final Map<String, Integer> genreIndex = new HashMap<>();
    private final IdVocabulary users;
    private final IdVocabulary items;

    /**
     * A layout whose id rows are the ids themselves (a table row for every id up to the largest).
     *
     * @param maxUserId the largest user id in the split (train and test)
     * @param maxItemId the largest item id in the split
     */
    public OfflineLayout(OfflineManifest manifest, long maxUserId, long maxItemId) {
        this(manifest, checkedIdentity(maxUserId, maxItemId, true), checkedIdentity(maxUserId, maxItemId, false));
    }

    OfflineLayout(OfflineManifest manifest, IdVocabulary users, IdVocabulary items) {
        this.manifest = manifest;
        this.users = users;
        this.items = items;
        List<CategoricalField> categorical = new ArrayList<>();
        categorical.add(users.field(USER_ID, Side.USER));
        categorical.add(items.field(ITEM_ID, Side.ITEM));
        manifest.stringIndexerLabels().forEach((name, values) -> {
            categorical.add(CategoricalField.of(name, sideOf(name), values));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                index.put(values.get(i), i + 1);
            }
            labelIndex.add(index);
        });
        for (int i = 0; i < manifest.genreVocabulary().size(); i++) {
            genreIndex.put(manifest.genreVocabulary().get(i), i + 1);
        }
        if (!manifest.genreVocabulary().isEmpty()) {
            for (int k = 1; k <= manifest.topGenres(); k++) {
                categorical.add(CategoricalField.of(USER_GENRE + k, Side.USER, manifest.genreVocabulary()));
            }
        }
        manifest.bucketBoundaries()
                .forEach((name, buckets) ->
                        categorical.add(CategoricalField.of(name + BUCKET_SUFFIX, sideOf(name), buckets.labels())));
        List<NumericField> numeric = new ArrayList<>();
        manifest.imputedMeans().keySet().forEach(name -> numeric.add(new NumericField(name, sideOf(name))));
        this.layout = new FeatureLayout(
                categorical,
                numeric,
                Optional.of(new SequenceField(RECENT_POSITIVES, manifest.recentPositives())),
                Optional.of(USER_ID),
                Optional.of(ITEM_ID));
        LinkedHashSet<String> read = new LinkedHashSet<>(List.of(USER_ID, ITEM_ID, LABEL, TIME));
        read.addAll(manifest.stringIndexerLabels().keySet());
        if (!manifest.genreVocabulary().isEmpty()) {
            read.add(TOP_GENRES);
        }
        read.add(RECENT_POSITIVES);
        read.addAll(manifest.imputedMeans().keySet());
        read.addAll(manifest.bucketBoundaries().keySet());
        this.columns = List.copyOf(read);
        for (int i = 0; i < columns.size(); i++) {
            column.put(columns.get(i), i);
        }
    }

    private static IdVocabulary checkedIdentity(long maxUserId, long maxItemId, boolean user) {
        if (maxUserId < 1 || maxItemId < 1 || maxUserId >= Integer.MAX_VALUE || maxItemId >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "user and item ids must be positive ints, got largest ids " + maxUserId + " and " + maxItemId);
        }
        return IdVocabulary.identity(user ? maxUserId : maxItemId);
    }

    /**
     * The layout a model was trained with, rebuilt from the offline manifest and the trained layout (e.g. a bundle's
     * {@code layout}), whose id fields carry the id-to-row mapping.
     *
     * @throws IllegalArgumentException if the trained layout was not built from this manifest
     */
    public static OfflineLayout of(OfflineManifest manifest, FeatureLayout trained) {
        OfflineLayout rebuilt = new OfflineLayout(
                manifest,
                IdVocabulary.of(trained.categoricalField(USER_ID)),
                IdVocabulary.of(trained.categoricalField(ITEM_ID)));
        rebuilt.layout.differenceFrom(trained).ifPresent(d -> {
            throw new IllegalArgumentException("the trained layout does not come from this offline manifest: " + d);
        });
        return rebuilt;
    }

    /**
     * The layout a bundle was trained with, for serving: reads the bundle's {@code bundle.json} and the offline
     * manifest that {@link #writeTo} stored beside it, so raw ids map to the same rows as in training.
     *
     * @throws IllegalArgumentException if the bundle has no {@value #BUNDLE_FILE} (it was not trained on offline
     *     samples) or it does not match the bundle's layout
     */
    public static OfflineLayout fromBundle(Path bundle) {
        Path file = bundle.resolve(BUNDLE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "no " + BUNDLE_FILE + " in " + bundle + ": the bundle was not trained on offline samples");
        }
        OfflineManifest manifest;
        try {
            manifest = ModelBundle.mapper().readValue(file.toFile(), OfflineManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a valid offline manifest: " + e.getMessage(), e);
        }
        return of(manifest, ModelBundle.manifest(bundle).layout());
    }

    /** Stores the offline manifest in a bundle folder, for {@link #fromBundle}. */
    public void writeTo(Path bundle) {
        try {
            ModelBundle.mapper().writeValue(bundle.resolve(BUNDLE_FILE).toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + bundle.resolve(BUNDLE_FILE), e);
        }
    }

    /** The embedding row (the {@code userId} index) of a raw user id; 0 when the id was not seen in training. */
    public int userIndex(long userId) {
        return users.index(userId);
    }

    /** The embedding row (the {@code itemId} index) of a raw item id; 0 when the id was not seen in training. */
    public int itemIndex(long itemId) {
        return items.index(itemId);
    }

    /** User features are those the pipeline prefixes with "user"; everything else describes the item. */
    static Side sideOf(String column) {
        return column.startsWith("user") ? Side.USER : Side.ITEM;
    }

    public FeatureLayout layout() {
        return layout;
    }

    public OfflineManifest manifest() {
        return manifest;
    }

    /** The Parquet columns {@link #decode} reads, in the order the rows must have them. */
    public List<String> columns() {
        return columns;
    }

    /** The event time of a row (seconds), for time-ordered validation slices. */
    public long time(Group row) {
        return time(RawRow.of(row));
    }

    /** The event time of a raw row (seconds). */
    public long time(RawRow row) {
        return row.number(column.get(TIME)).longValue();
    }

    /** The position of a column in {@link #columns()}, if this layout reads it. */
    public java.util.OptionalInt columnIndex(String name) {
        Integer at = column.get(name);
        return at == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(at);
    }

    /** One row, projected to {@link #columns()}, as a sample of {@link #layout()}. */
    public Sample decode(Group row) {
        return decode(RawRow.of(row));
    }

    /**
     * One raw row as a sample of {@link #layout()}: the manifest's vocabularies, bucket boundaries and imputed means
     * applied exactly as for the offline samples, whatever the row's source.
     */
    public Sample decode(RawRow row) {
        int[] categorical = new int[layout.categoricalCount()];
        int c = 0;
        int userId = id(row, USER_ID);
        categorical[c++] = users.index(userId);
        categorical[c++] = items.index(id(row, ITEM_ID));
        int labelField = 0;
        for (String name : manifest.stringIndexerLabels().keySet()) {
            int f = column.get(name);
            categorical[c++] = row.present(f) ? labelIndex.get(labelField).getOrDefault(row.string(f), 0) : 0;
            labelField++;
        }
        if (!manifest.genreVocabulary().isEmpty()) {
            List<Object> genres = row.list(column.get(TOP_GENRES));
            for (int k = 0; k < manifest.topGenres(); k++) {
                Object g = k < genres.size() ? genres.get(k) : null;
                categorical[c++] = g == null ? 0 : genreIndex.getOrDefault(g.toString(), 0);
            }
        }
        for (Map.Entry<String, Buckets> e : manifest.bucketBoundaries().entrySet()) {
            int bucket = e.getValue().bucketOf(value(row, e.getKey()));
            categorical[c++] = bucket + 1;
        }
        float[] numeric = new float[layout.numericCount()];
        int n = 0;
        for (String name : manifest.imputedMeans().keySet()) {
            numeric[n++] = (float) value(row, name);
        }
        int[] sequence = new int[layout.sequenceLength()];
        List<Object> recent = row.list(column.get(RECENT_POSITIVES));
        for (int k = 0; k < sequence.length && k < recent.size(); k++) {
            Object item = recent.get(k);
            sequence[k] = item == null ? 0 : items.index(((Number) item).longValue());
        }
        float label = row.number(column.get(LABEL)).floatValue() > 0.5f ? 1f : 0f;
        return new Sample(categorical, numeric, sequence, label, userId);
    }

    private int id(RawRow row, String name) {
        int f = column.get(name);
        if (!row.present(f)) {
            throw new IllegalArgumentException("a sample has no " + name);
        }
        int id = row.number(f).intValue();
        return Math.max(id, 0);
    }

    /** A numeric column's value, or its fitted training mean when missing (as the pipeline's Imputer does). */
    private double value(RawRow row, String name) {
        int f = column.get(name);
        if (row.present(f)) {
            double v = row.number(f).doubleValue();
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return manifest.imputedMeans().getOrDefault(name, 0.0);
    }
}
