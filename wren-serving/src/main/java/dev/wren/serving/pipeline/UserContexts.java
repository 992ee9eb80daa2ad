package dev.wren.serving.pipeline;

import dev.wren.core.model.Item;
import dev.wren.core.recommend.Event;
import dev.wren.core.store.EntityKind;
import dev.wren.core.store.FeatureSchema;
import dev.wren.core.store.FeatureStore;
import dev.wren.core.store.FeatureStoreException;
import dev.wren.core.store.Features;
import dev.wren.serving.data.Catalog;
import dev.wren.serving.data.CfModel;
import dev.wren.serving.data.IntKeys;
import dev.wren.serving.data.RatingsIndex;
import dev.wren.serving.data.UserRatings;
import dev.wren.serving.events.RecentEvents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link UserContext} from the loaded ratings, the recent events and the store. Thread-safe. */
public final class UserContexts {
    private final Catalog catalog;
    private final RatingsIndex ratings;
    private final RecentEvents recent;
    private static final Logger log = LoggerFactory.getLogger(UserContexts.class);

    private final FeatureStore store;
    private final CfModel cf;
    private final AtomicLong storeFailures = new AtomicLong();
    private final double positiveThreshold;
    private final int recentLimit;
    /** Each user's liked genres in the ratings file, counted once at load: the hot path only adds recent events. */
    private final Map<Integer, Map<String, Integer>> genreCounts;

    public UserContexts(
            Catalog catalog,
            RatingsIndex ratings,
            RecentEvents recent,
            FeatureStore store,
            double positiveThreshold,
            int recentLimit) {
        this(catalog, ratings, recent, store, positiveThreshold, recentLimit, CfModel.empty(catalog.slots()));
    }

    /** @param cf the collaborative filters, whose scores each request's context computes on demand */
    public UserContexts(
            Catalog catalog,
            RatingsIndex ratings,
            RecentEvents recent,
            FeatureStore store,
            double positiveThreshold,
            int recentLimit,
            CfModel cf) {
        this.cf = cf;
        this.catalog = catalog;
        this.ratings = ratings;
        this.recent = recent;
        this.store = store;
        this.positiveThreshold = positiveThreshold;
        this.recentLimit = recentLimit;
        Map<Integer, Map<String, Integer>> counts = new HashMap<>();
        ratings.all().forEach((user, ur) -> {
            Map<String, Integer> c = new HashMap<>();
            for (int i = 0; i < ur.size(); i++) {
                if (ur.ratings()[i] >= positiveThreshold) {
                    count(c, ur.items()[i]);
                }
            }
            counts.put(user, Map.copyOf(c));
        });
        this.genreCounts = IntKeys.freeze(counts);
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
        List<Integer> positives = row.map(r -> r.intList(FeatureSchema.RECENT_POSITIVES))
                .filter(l -> !l.isEmpty())
                .orElseGet(() -> recentPositives(base, events, positiveThreshold, recentLimit));
        Optional<float[]> embedding = row.flatMap(r -> r.vector(FeatureSchema.EMBEDDING));
        Optional<float[]> factors = row.flatMap(r -> r.vector(FeatureSchema.CF_FACTORS));
        return new UserContext(
                userId, base, seen, positives, embedding, topGenres(userId, events), catalog.slots(), factors, cf);
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

    /** The user's liked items, most recent first, the events after the file's ratings. */
    public static List<Integer> recentPositives(UserRatings base, List<Event> events, double threshold, int limit) {
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        for (int i = events.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (isPositive(events.get(i), threshold)) {
                out.add(events.get(i).itemId());
            }
        }
        for (int item : base.recentPositives(threshold, limit)) {
            if (out.size() >= limit) {
                break;
            }
            out.add(item);
        }
        return new ArrayList<>(out);
    }

    public static boolean isPositive(Event e, double threshold) {
        return e.type() == Event.Type.CLICK || e.value() >= threshold;
    }

    private List<String> topGenres(int userId, List<Event> events) {
        Map<String, Integer> counts = new HashMap<>(genreCounts.getOrDefault(userId, Map.of()));
        events.stream().filter(e -> isPositive(e, positiveThreshold)).forEach(e -> count(counts, e.itemId()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(Map.Entry::getKey)
                .toList();
    }

    private void count(Map<String, Integer> counts, int itemId) {
        catalog.item(itemId).map(Item::genres).orElse(List.of()).forEach(g -> counts.merge(g, 1, Integer::sum));
    }
}
