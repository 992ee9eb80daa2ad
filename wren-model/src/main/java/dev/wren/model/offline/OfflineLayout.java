package dev.wren.model.offline;

import dev.wren.model.data.CategoricalField;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericField;
import dev.wren.model.data.Sample;
import dev.wren.model.data.SequenceField;
import dev.wren.model.data.Side;
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
 * <p>Categorical fields: {@code userId} and {@code itemId} (ids as indices, vocabulary up to the largest id in the
 * split's files), the item's genre slots with the fitted StringIndexer labels, the user's top genres as
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

    private final OfflineManifest manifest;
    private final FeatureLayout layout;
    private final List<String> columns;
    private final Map<String, Integer> column = new HashMap<>();
    private final List<Map<String, Integer>> labelIndex = new ArrayList<>();
    private final Map<String, Integer> genreIndex = new HashMap<>();
    private final int users;
    private final int items;

    /**
     * @param maxUserId the largest user id in the split (train and test)
     * @param maxItemId the largest item id in the split
     */
    public OfflineLayout(OfflineManifest manifest, long maxUserId, long maxItemId) {
        if (maxUserId < 1 || maxItemId < 1 || maxUserId >= Integer.MAX_VALUE || maxItemId >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "user and item ids must be positive ints, got largest ids " + maxUserId + " and " + maxItemId);
        }
        this.manifest = manifest;
        this.users = (int) maxUserId + 1;
        this.items = (int) maxItemId + 1;
        List<CategoricalField> categorical = new ArrayList<>();
        categorical.add(CategoricalField.ids(USER_ID, Side.USER, users));
        categorical.add(CategoricalField.ids(ITEM_ID, Side.ITEM, items));
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
        return Columns.number(row, column.get(TIME)).longValue();
    }

    /** One row, projected to {@link #columns()}, as a sample of {@link #layout()}. */
    public Sample decode(Group row) {
        int[] categorical = new int[layout.categoricalCount()];
        int c = 0;
        int userId = id(row, USER_ID);
        categorical[c++] = userId < users ? userId : 0;
        int itemId = id(row, ITEM_ID);
        categorical[c++] = itemId < items ? itemId : 0;
        int labelField = 0;
        for (String name : manifest.stringIndexerLabels().keySet()) {
            int f = column.get(name);
            categorical[c++] =
                    Columns.present(row, f) ? labelIndex.get(labelField).getOrDefault(Columns.string(row, f), 0) : 0;
            labelField++;
        }
        if (!manifest.genreVocabulary().isEmpty()) {
            List<Object> genres = Columns.list(row, column.get(TOP_GENRES));
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
        List<Object> recent = Columns.list(row, column.get(RECENT_POSITIVES));
        for (int k = 0; k < sequence.length && k < recent.size(); k++) {
            Object item = recent.get(k);
            int id = item == null ? 0 : ((Number) item).intValue();
            sequence[k] = id > 0 && id < items ? id : 0;
        }
        float label = Columns.number(row, column.get(LABEL)).floatValue() > 0.5f ? 1f : 0f;
        return new Sample(categorical, numeric, sequence, label, userId);
    }

    private int id(Group row, String name) {
        int f = column.get(name);
        if (!Columns.present(row, f)) {
            throw new IllegalArgumentException("a sample has no " + name);
        }
        int id = Columns.number(row, f).intValue();
        return Math.max(id, 0);
    }

    /** A numeric column's value, or its fitted training mean when missing (as the pipeline's Imputer does). */
    private double value(Group row, String name) {
        int f = column.get(name);
        if (Columns.present(row, f)) {
            double v = Columns.number(row, f).doubleValue();
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return manifest.imputedMeans().getOrDefault(name, 0.0);
    }
}
