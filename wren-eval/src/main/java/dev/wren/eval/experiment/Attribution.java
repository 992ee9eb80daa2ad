package dev.wren.eval.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins exposures with the user's later events: an event on an item is credited to the latest exposure of the same
 * user that showed the item, logged at or before the event and at most {@code window} earlier (times are the server's
 * {@code loggedAt}). Each event is credited once at most; a repeated click or rating of one item in one exposure
 * counts once (the last rating is kept). Stateless.
 */
public final class Attribution {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);

    private Attribution() {}

    public static List<AttributedExposure> join(ExperimentLog log, Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the attribution window must not be negative, got " + window);
        }
        long windowMs = window.toMillis();
        Map<Integer, List<Integer>> byUser = new HashMap<>();
        List<ExposureRecord> exposures = log.exposures();
        for (int i = 0; i < exposures.size(); i++) {
            byUser.computeIfAbsent(exposures.get(i).userId(), u -> new ArrayList<>())
                    .add(i);
        }
        List<Set<Integer>> clicks = new ArrayList<>();
        List<Map<Integer, Double>> ratings = new ArrayList<>();
        for (int i = 0; i < exposures.size(); i++) {
            clicks.add(new HashSet<>());
            ratings.add(new HashMap<>());
        }
        for (EventRecord e : log.events()) {
            List<Integer> own = byUser.get(e.userId());
            if (own == null) {
                continue;
            }
            // The user's exposures are in time order: find the last at or before the event, then walk back.
            int lo = 0;
            int hi = own.size() - 1;
            int last = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (exposures.get(own.get(mid)).loggedAt() <= e.loggedAt()) {
                    last = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            for (int k = last; k >= 0; k--) {
                ExposureRecord x = exposures.get(own.get(k));
                if (e.loggedAt() - x.loggedAt() > windowMs) {
                    break;
                }
                if (x.items().contains(e.itemId())) {
                    if (e.isRating()) {
                        ratings.get(own.get(k)).put(e.itemId(), e.value());
                    } else {
                        clicks.get(own.get(k)).add(e.itemId());
                    }
                    break;
                }
            }
        }
        List<AttributedExposure> out = new ArrayList<>(exposures.size());
        for (int i = 0; i < exposures.size(); i++) {
            out.add(new AttributedExposure(exposures.get(i), clicks.get(i), ratings.get(i)));
        }
        return out;
    }
}
