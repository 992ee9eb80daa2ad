package dev.wren.serving.pipeline;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.Features;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.RatingsIndex;
import dev.wren.serving.data.UserRatings;
import dev.wren.serving.events.RecentEvents;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link UserContext} from the loaded ratings, the recent events and the store. The user's recent positives
 * and genre taste come from the store row, which the offline pipeline and the real-time updater write by the same rules;
 * when the store cannot be reached they are computed here, by those rules, from the ratings and the events. Thread-safe.
 */
public final class UserContexts {
    private static final Logger log = LoggerFactory.getLogger(UserContexts.class);

    private final Catalog catalog;
    private final RatingsIndex ratings;
    private final RecentEvents recent;
    private final FeatureStore store;
    private final UserFeatureRules rules;
    private final CfModel cf;
    private final AtomicLong storeFailures = new AtomicLong();

    public UserContexts(
            Catalog catalog, RatingsIndex ratings, RecentEvents recent, FeatureStore store, UserFeatureRules rules) {
        this(catalog, ratings, recent, store, rules, CfModel.empty(catalog.slots()));
    }

    /** @param cf the collaborative filters, whose scores each request's context computes on demand */
    public UserContexts(
            Catalog catalog,
            RatingsIndex ratings,
            RecentEvents recent,
            FeatureStore store,
            UserFeatureRules rules,
            CfModel cf) {
        this.catalog = catalog;
        this.ratings = ratings;
        this.recent = recent;
        this.store = store;
        this.rules = rules;
        this.cf = cf;
    }

    /** Whether the user has any history or features at all. */
    public boolean known(int userId) {
        return ratings.user(userId).isPresent()
                || recent.knows(userId)
                || storeRow(userId).isPresent();
    }

    /**
     * How many store reads have failed since load. The recommender compares it before and after a request to tell
     * whether the request was served without the store's features.
     */
    public long storeFailures() {
        return storeFailures.get();
    }

    /**
     * The user's store row; empty when the store cannot be reached, so that a request still gets what the ratings
     * file and the recent events say about the user (the recommender then reports the request as degraded).
     */
    private Optional<Features> storeRow(int userId) {
        try {
            return store.get(EntityKind.USER, userId);
        } catch (FeatureStoreException e) {
            if (storeFailures.getAndIncrement() % 1000 == 0) {
                log.warn("feature store unreachable, serving without user features: {}", e.getMessage());
            }
            return Optional.empty();
        }
    }

    public UserContext context(int userId) {
        UserRatings base = ratings.user(userId).orElse(UserRatings.EMPTY);
        List<Event> events = recent.of(userId);
        Set<Integer> seen = new HashSet<>(events.size() * 2);
        events.forEach(e -> seen.add(e.itemId()));
        Optional<Features> row = storeRow(userId);
        List<Integer> positives;
        List<String> genres;
        if (row.isPresent()) {
            positives = row.get().intList(FeatureSchema.RECENT_POSITIVES);
            genres = row.get().textList(FeatureSchema.TOP_GENRES);
        } else {
            UserProfile profile = UserProfile.of(UserFeatureRows.history(base, events, catalog), rules);
            positives = profile.recentPositives();
            genres = profile.topGenres();
        }
        Optional<float[]> embedding = row.flatMap(r -> r.vector(FeatureSchema.EMBEDDING));
        Optional<float[]> factors = row.flatMap(r -> r.vector(FeatureSchema.CF_FACTORS));
        return new UserContext(userId, base, seen, positives, embedding, genres, catalog.slots(), factors, cf);
    }

    /**
     * Whether {@code context(userId).isCold()}, without building the context: a user with ratings or events is known
     * from those alone, so the request path reads the store here only for users without either.
     */
    public boolean isCold(int userId) {
        if (ratings.user(userId).map(UserRatings::size).orElse(0) > 0
                || !recent.of(userId).isEmpty()) {
            return false;
        }
        Optional<Features> row = storeRow(userId);
        return row.map(r -> r.intList(FeatureSchema.RECENT_POSITIVES).isEmpty()
                        && r.vector(FeatureSchema.EMBEDDING).isEmpty())
                .orElse(true);
    }
}
