package dev.wren.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one place where feature names, types and store keys are defined. Spark, Flink and serving all write and read
 * through the same schema, so a name cannot drift between tiers.
 *
 * @param namespace the prefix of every store key, so that several deployments can share one Redis
 * @param userFeatures the user features
 * @param itemFeatures the item features
 */
public record FeatureSchema(String namespace, List<FeatureSpec> userFeatures, List<FeatureSpec> itemFeatures) {
    private static final Pattern TOKEN = Pattern.compile("[a-zA-Z0-9_.-]+");

    // Standard feature names, shared by the offline, near-line and serving tiers.
    public static final String RATING_COUNT = "ratingCount";
    public static final String RATING_AVG = "ratingAvg";
    public static final String RATING_STD = "ratingStd";
    public static final String RELEASE_YEAR = "releaseYear";
    public static final String RELEASE_YEAR_AVG = "releaseYearAvg";
    public static final String RELEASE_YEAR_STD = "releaseYearStd";
    public static final String GENRES = "genres";
    public static final String TOP_GENRES = "topGenres";
    public static final String RECENT_POSITIVES = "recentPositives";
    public static final String POPULARITY_RANK = "popularityRank";
    public static final String FIRST_RATING_TIME = "firstRatingTime";
    public static final String LAST_RATING_TIME = "lastRatingTime";
    public static final String EMBEDDING = "embedding";
    /** Collaborative-filtering factors (implicit ALS): a user's score for an item is the dot product. */
    public static final String CF_FACTORS = "cfFactors";
    /** An item's collaborative-filtering neighbours (EASE's strongest weights from this item), with {@link #CF_WEIGHTS}. */
    public static final String CF_NEIGHBOURS = "cfNeighbours";
    /** The weight of each of {@link #CF_NEIGHBOURS}: what an interaction with this item adds to the neighbour's score. */
    public static final String CF_WEIGHTS = "cfWeights";
    /** A user's newest interactions (ratings and clicks, liked or not), newest first: the near-line recent history. */
    public static final String RECENT_ITEMS = "recentItems";
    /** The age of each of {@link #RECENT_ITEMS}: seconds between its interaction and {@link #LAST_EVENT_TIME}. */
    public static final String RECENT_ITEM_AGES = "recentItemAges";
    /** When the user last did anything, seconds since the epoch. */
    public static final String LAST_EVENT_TIME = "lastEventTime";
    /** Interactions in the user's latest session (no gap longer than the session gap), the newest one included. */
    public static final String SESSION_EVENTS = "sessionEvents";
    /** When the user's latest session started, seconds since the epoch. */
    public static final String SESSION_START = "sessionStart";
    /** An item's events in the latest closed trending window (the near-line tier's sliding event-time window). */
    public static final String TRENDING_COUNT = "trendingCount";
    /** How often an item was shown in the near-line tier's latest trending window. */
    public static final String RECENT_EXPOSURES = "recentExposures";
    /** Clicks on an item in the near-line tier's latest trending window. */
    public static final String RECENT_CLICKS = "recentClicks";
    /** {@link #RECENT_CLICKS} over {@link #RECENT_EXPOSURES}, written only for a window with exposures. */
    public static final String RECENT_CTR = "recentCtr";
    /**
     * The version of a row's near-line features: for a user, the newest event time applied (milliseconds since the
     * epoch) plus n/1024 for its n events, so that an out-of-order event still moves it forward; for an item, the end of
     * the trend window it reflects. The stream job never replaces a row with one of a lower version, so replays leave the
     * store as it was.
     */
    public static final String STREAM_TIME = "streamTime";
    /** The dimension of {@link #CF_FACTORS} unless a deployment chooses another. */
    public static final int DEFAULT_FACTOR_DIMENSION = 64;

    public FeatureSchema {
        Objects.requireNonNull(namespace, "namespace");
        if (!TOKEN.matcher(namespace).matches()) {
            throw new IllegalArgumentException(
                    "namespace must be letters, digits, '_', '.', '-', got '" + namespace + "'");
        }
        userFeatures = List.copyOf(userFeatures);
        itemFeatures = List.copyOf(itemFeatures);
        checkUnique(userFeatures, "user");
        checkUnique(itemFeatures, "item");
    }

    /** Wren's standard schema with {@link #DEFAULT_FACTOR_DIMENSION}-d collaborative-filtering factors. */
    public static FeatureSchema standard(int embeddingDimension) {
        return standard(embeddingDimension, DEFAULT_FACTOR_DIMENSION);
    }

    /** Wren's standard schema: the features the offline pipeline writes and serving reads. */
    public static FeatureSchema standard(int embeddingDimension, int factorDimension) {
        return new FeatureSchema(
                "wren",
                List.of(
                        FeatureSpec.number(RATING_COUNT),
                        FeatureSpec.number(RATING_AVG),
                        FeatureSpec.number(RATING_STD),
                        FeatureSpec.number(RELEASE_YEAR_AVG),
                        FeatureSpec.number(RELEASE_YEAR_STD),
                        FeatureSpec.intList(RECENT_POSITIVES),
                        FeatureSpec.textList(TOP_GENRES),
                        FeatureSpec.vector(EMBEDDING, embeddingDimension),
                        FeatureSpec.vector(CF_FACTORS, factorDimension),
                        FeatureSpec.intList(RECENT_ITEMS),
                        FeatureSpec.intList(RECENT_ITEM_AGES),
                        FeatureSpec.number(LAST_EVENT_TIME),
                        FeatureSpec.number(SESSION_EVENTS),
                        FeatureSpec.number(SESSION_START),
                        FeatureSpec.number(STREAM_TIME)),
                List.of(
                        FeatureSpec.number(RELEASE_YEAR),
                        FeatureSpec.textList(GENRES),
                        FeatureSpec.number(RATING_COUNT),
                        FeatureSpec.number(RATING_AVG),
                        FeatureSpec.number(RATING_STD),
                        FeatureSpec.number(POPULARITY_RANK),
                        FeatureSpec.number(FIRST_RATING_TIME),
                        FeatureSpec.number(LAST_RATING_TIME),
                        FeatureSpec.vector(EMBEDDING, embeddingDimension),
                        FeatureSpec.vector(CF_FACTORS, factorDimension),
                        FeatureSpec.intList(CF_NEIGHBOURS),
                        FeatureSpec.floatList(CF_WEIGHTS),
                        FeatureSpec.number(TRENDING_COUNT),
                        FeatureSpec.number(RECENT_EXPOSURES),
                        FeatureSpec.number(RECENT_CLICKS),
                        FeatureSpec.number(RECENT_CTR),
                        FeatureSpec.number(STREAM_TIME)));
    }

    public List<FeatureSpec> features(EntityKind kind) {
        return kind == EntityKind.USER ? userFeatures : itemFeatures;
    }

    /** The named feature of that entity, or an {@link InvalidFeatureException} naming what exists. */
    public FeatureSpec spec(EntityKind kind, String name) {
        for (FeatureSpec spec : features(kind)) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        throw new InvalidFeatureException("unknown " + kind.name().toLowerCase() + " feature '" + name + "'; known: "
                + features(kind).stream().map(FeatureSpec::name).toList());
    }

    /** Refuses a row with an unknown feature, a value of the wrong type, or a vector of the wrong dimension. */
    public void validate(EntityKind kind, int id, Features row) {
        for (Map.Entry<String, FeatureValue> e : row.values().entrySet()) {
            FeatureSpec spec;
            try {
                spec = spec(kind, e.getKey());
            } catch (InvalidFeatureException unknown) {
                // Name the row too, as the other refusals do: in a batch of thousands the id is what finds it.
                throw new InvalidFeatureException(kind.name().toLowerCase() + " " + id + ": " + unknown.getMessage());
            }
            FeatureValue value = e.getValue();
            if (value.type() != spec.type()) {
                throw new InvalidFeatureException(kind.name().toLowerCase() + " " + id + ": feature '" + spec.name()
                        + "' is " + spec.type() + ", got " + value.type());
            }
            if (value instanceof FeatureValue.Vector v && v.values().length != spec.dimension()) {
                throw new InvalidFeatureException(kind.name().toLowerCase() + " " + id + ": vector '" + spec.name()
                        + "' needs dimension " + spec.dimension() + ", got " + v.values().length);
            }
        }
    }

    /** The key that names the live version's pointer. */
    public String liveVersionKey() {
        return namespace + ":live";
    }

    /** The key of the set of all versions ever written and not yet dropped. */
    public String versionsKey() {
        return namespace + ":versions";
    }

    /** The key of one entity's row in one version, e.g. {@code wren:v:20261126-1:u:42}. */
    public String rowKey(String version, EntityKind kind, int id) {
        return namespace + ":v:" + version + ":" + kind.code() + ":" + id;
    }

    /** The key prefix of every row of one entity kind in one version, for scans. */
    public String rowKeyPrefix(String version, EntityKind kind) {
        return namespace + ":v:" + version + ":" + kind.code() + ":";
    }

    /** Checks a snapshot version name: letters, digits, '_', '.', '-'. */
    public static String checkVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (!TOKEN.matcher(version).matches()) {
            throw new IllegalArgumentException("version must be letters, digits, '_', '.', '-', got '" + version + "'");
        }
        return version;
    }

    private static void checkUnique(List<FeatureSpec> specs, String what) {
        Map<String, FeatureSpec> seen = new LinkedHashMap<>();
        for (FeatureSpec spec : specs) {
            if (seen.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("duplicate " + what + " feature '" + spec.name() + "'");
            }
        }
    }
}
