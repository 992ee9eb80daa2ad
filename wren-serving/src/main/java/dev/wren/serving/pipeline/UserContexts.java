package dev.wren.serving.pipeline;

import dev.wren.core.features.UserFeatureRules;
import dev.wren.core.features.UserProfile;
import dev.wren.core.recommend.Event;
import dev.wren.core.recommend.RecommendRequest;
import dev.wren.core.recommend.RequestContext;
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
 * Builds a request's {@link UserContext} from the loaded ratings, the recent events and one read of the user's store
 * row. The user's recent positives and genre taste come from that row, which the offline pipeline and the real-time
 * updater write by the same rules; when the store cannot be reached they are computed here, by those rules, from the
 * ratings and the events, and the request is marked degraded. Thread-safe.
 */
public final class UserContexts {
    private static final Logger log = LoggerFactory.getLogger(UserContexts.class);

    /** Why a request whose store read failed is degraded. */
    public static final String STORE_UNREACHABLE = "the feature store is unreachable: non-personalised recommendations";

    private final Catalog catalog;
    private final RatingsIndex ratings;
    private final RecentEvents recent;
    private final FeatureStore store;
    private final UserFeatureRules rules;
    private final CfModel cf;
    /** Only to log one failure in a thousand while the store is down, not to judge any request. */
    private final AtomicLong failuresLogged = new AtomicLong();

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

    /**
     * The context of one request: its user's view, read once, and the request's own degraded mark, raised here when
     * the store could not be read.
     */
    public RequestContext<UserContext> context(RecommendRequest request) {
        UserContext user = user(request.userId());
        RequestContext<UserContext> context = new RequestContext<>(request, user);
        if (!user.storeHealthy()) {
            context.markDegraded(STORE_UNREACHABLE);
        }
        return context;
    }

    /** What the system knows about the user now, with one read of their store row. */
    public UserContext user(int userId) {
        UserRatings base = ratings.user(userId).orElse(UserRatings.EMPTY);
        List<Event> events = recent.of(userId);
        Set<Integer> seen = new HashSet<>(events.size() * 2);
        events.forEach(e -> seen.add(e.itemId()));
        Optional<Features> row;
        boolean healthy = true;
        try {
            row = store.get(EntityKind.USER, userId);
        } catch (FeatureStoreException e) {
            // Served from what the ratings file and the recent events say about the user.
            if (failuresLogged.getAndIncrement() % 1000 == 0) {
                log.warn("feature store unreachable, serving without user features: {}", e.getMessage());
            }
            row = Optional.empty();
            healthy = false;
        }
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
        return new UserContext(userId, base, seen, positives, genres, row, healthy, catalog.slots(), cf);
    }

    /**
     * Whether the user has any history or features at all, for routes that need to know no more: the ratings file and
     * the recent events first, the store only for users in neither.
     */
    public boolean known(int userId) {
        if (ratings.user(userId).isPresent() || recent.knows(userId)) {
            return true;
        }
        return user(userId).known();
    }
}
