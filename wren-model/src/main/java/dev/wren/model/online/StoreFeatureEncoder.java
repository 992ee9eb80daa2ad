package dev.wren.model.online;

import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.Features;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.Sample;
import dev.wren.model.offline.OfflineLayout;
import dev.wren.model.offline.OfflineManifest;
import dev.wren.model.serve.FeatureRows;
import dev.wren.model.serve.ItemFeatures;
import dev.wren.model.serve.UserFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns feature-store rows into scorer inputs with exactly the encoding the model was trained with. The store row is
 * written as the offline pipeline's sample row (its Parquet columns, named as in the manifest) and decoded by
 * {@link OfflineLayout#decode}, the very code that encoded the training samples: vocabularies, genre slots, bucket
 * boundaries and the fill of missing numbers with the fitted training means cannot drift between training and
 * serving.
 *
 * <p>Columns map to store features by the pipeline's naming: {@code user<Name>} is the user's {@code <name>},
 * {@code item<Name>} the item's {@code <name>}, any other numeric column the item feature of that name
 * ({@code releaseYear}); {@code genre<k>} is the k-th of the item's genres ({@value #NO_GENRE} when it has fewer, as
 * the pipeline writes); {@code userTopGenres} and {@code userRecentPositives} are the user's top genres and recent
 * positives. A feature missing from the store is a missing column, hence the training mean or index 0, as in training.
 *
 * <p>Thread-safe: immutable.
 */
public final class StoreFeatureEncoder {
    private static final Logger log = LoggerFactory.getLogger(StoreFeatureEncoder.class);
    /** The genre slot value of an item with fewer genres than slots (the pipeline's {@code ItemFeatures.NO_GENRE}). */
    public static final String NO_GENRE = "none";

    private static final Pattern GENRE_SLOT = Pattern.compile("genre(\\d+)");
    private static final Pattern SIDE_PREFIX = Pattern.compile("(user|item)([A-Z].*)");

    private final OfflineLayout offline;
    private final MessageType schema;
    private final SimpleGroupFactory groups;
    private final List<Column> columns;

    /** How one sample column is filled from a user row and an item row. */
    private record Column(String name, Kind kind, String feature, int slot) {}

    private enum Kind {
        USER_ID,
        ITEM_ID,
        CONSTANT,
        GENRE_SLOT,
        TEXT_LIST,
        INT_LIST,
        USER_NUMBER,
        ITEM_NUMBER,
        UNMAPPED
    }

    public StoreFeatureEncoder(OfflineLayout offline) {
        this.offline = offline;
        List<Type> fields = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        for (String name : offline.columns()) {
            Column c = columnOf(name);
            cols.add(c);
            fields.add(typeOf(c));
            if (c.kind() == Kind.UNMAPPED) {
                log.warn(
                        "sample column '{}' has no feature-store counterpart: it is always missing when serving", name);
            }
        }
        this.columns = List.copyOf(cols);
        this.schema = new MessageType("sample", fields);
        this.groups = new SimpleGroupFactory(schema);
    }

    /**
     * The encoder for a bundle trained on an offline output: the layout is rebuilt from the manifest with the id
     * vocabularies of the bundle's layout, so that loading the bundle against {@link #layout()} checks that the
     * manifest is the one it was trained with.
     */
    public static StoreFeatureEncoder of(OfflineManifest manifest, FeatureLayout trainedLayout) {
        return new StoreFeatureEncoder(OfflineLayout.of(manifest, trainedLayout));
    }

    /** The layout the encoded features are in; load the bundle against it. */
    public FeatureLayout layout() {
        return offline.layout();
    }

    public OfflineLayout offlineLayout() {
        return offline;
    }

    /** The user side of a request. */
    public UserFeatures user(int userId, Features user) {
        return FeatureRows.userOf(layout(), encode(userId, user, 0, Features.empty()));
    }

    /** The item side of a candidate. */
    public ItemFeatures item(int itemId, Features item) {
        return FeatureRows.itemOf(layout(), encode(0, Features.empty(), itemId, item));
    }

    /** Both sides as one sample, as the offline pipeline would have encoded the pair. */
    public Sample sample(int userId, Features user, int itemId, Features item) {
        return encode(userId, user, itemId, item);
    }

    /**
     * The one adapter to the offline encoding: the rows as a sample row, decoded by {@link OfflineLayout#decode}.
     * Should the offline layout offer a decoder over plain values, only this method changes.
     */
    private Sample encode(int userId, Features user, int itemId, Features item) {
        return offline.decode(row(userId, user, itemId, item));
    }

    private Group row(int userId, Features user, int itemId, Features item) {
        Group g = groups.newGroup();
        for (int f = 0; f < columns.size(); f++) {
            Column c = columns.get(f);
            switch (c.kind()) {
                case USER_ID -> g.add(f, userId);
                case ITEM_ID -> g.add(f, itemId);
                case CONSTANT -> g.add(f, 0L);
                case GENRE_SLOT -> {
                    List<String> genres = item.textList(FeatureSchema.GENRES);
                    g.add(f, c.slot() < genres.size() ? genres.get(c.slot()) : NO_GENRE);
                }
                case TEXT_LIST -> {
                    Group list = g.addGroup(f);
                    for (String v : user.textList(c.feature())) {
                        list.addGroup(0).add(0, v);
                    }
                }
                case INT_LIST -> {
                    Group list = g.addGroup(f);
                    for (int v : user.intList(c.feature())) {
                        list.addGroup(0).add(0, v);
                    }
                }
                case USER_NUMBER -> number(g, f, user.number(c.feature()));
                case ITEM_NUMBER -> number(g, f, item.number(c.feature()));
                case UNMAPPED -> {
                    // left missing: decoded as the training mean or index 0
                }
            }
        }
        return g;
    }

    private static void number(Group g, int field, OptionalDouble value) {
        if (value.isPresent() && !Double.isNaN(value.getAsDouble())) {
            g.add(field, value.getAsDouble());
        }
    }

    private Column columnOf(String name) {
        if (name.equals(OfflineLayout.USER_ID)) {
            return new Column(name, Kind.USER_ID, name, 0);
        }
        if (name.equals(OfflineLayout.ITEM_ID)) {
            return new Column(name, Kind.ITEM_ID, name, 0);
        }
        if (name.equals(OfflineLayout.LABEL) || name.equals(OfflineLayout.TIME)) {
            return new Column(name, Kind.CONSTANT, name, 0);
        }
        if (name.equals(OfflineLayout.TOP_GENRES)) {
            return new Column(name, Kind.TEXT_LIST, FeatureSchema.TOP_GENRES, 0);
        }
        if (name.equals(OfflineLayout.RECENT_POSITIVES)) {
            return new Column(name, Kind.INT_LIST, FeatureSchema.RECENT_POSITIVES, 0);
        }
        Matcher slot = GENRE_SLOT.matcher(name);
        if (slot.matches()) {
            return new Column(name, Kind.GENRE_SLOT, FeatureSchema.GENRES, Integer.parseInt(slot.group(1)) - 1);
        }
        if (offline.manifest().stringIndexerLabels().containsKey(name)) {
            return new Column(name, Kind.UNMAPPED, name, 0);
        }
        Matcher side = SIDE_PREFIX.matcher(name);
        if (side.matches()) {
            String feature = side.group(2).substring(0, 1).toLowerCase(Locale.ROOT)
                    + side.group(2).substring(1);
            return new Column(name, side.group(1).equals("user") ? Kind.USER_NUMBER : Kind.ITEM_NUMBER, feature, 0);
        }
        return new Column(name, Kind.ITEM_NUMBER, name, 0);
    }

    private static Type typeOf(Column c) {
        return switch (c.kind()) {
            case USER_ID, ITEM_ID -> Types.optional(PrimitiveTypeName.INT32).named(c.name());
            case CONSTANT -> Types.optional(PrimitiveTypeName.INT64).named(c.name());
            case GENRE_SLOT, UNMAPPED ->
                Types.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(c.name());
            case TEXT_LIST ->
                Types.optionalList()
                        .optionalElement(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(c.name());
            case INT_LIST ->
                Types.optionalList().optionalElement(PrimitiveTypeName.INT32).named(c.name());
            case USER_NUMBER, ITEM_NUMBER ->
                Types.optional(PrimitiveTypeName.DOUBLE).named(c.name());
        };
    }
}
