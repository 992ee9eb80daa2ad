package dev.wren.stream.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wren.core.features.UserProfile;
import java.util.OptionalDouble;

/**
 * Opens exposures with the user's point-in-time features and writes them out labelled. The columns are the offline
 * samples' ({@code userId, itemId, ts, rating, label} and {@code UserFeatures.COLUMNS}) plus {@code exposedAt},
 * {@code position}, {@code labelSource} and {@code labelledAt}. Thread-safe.
 */
public final class Labels {
    /** What decided a label. */
    public static final String CLICK = "click";

    public static final String RATING = "rating";
    public static final String NONE = "none";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Labels() {}

    /** An exposure of {@code itemId} with the features of {@code before}, labelled until {@code deadline}. */
    public static OpenExposure open(int itemId, long exposedAt, int position, long deadline, UserProfile before) {
        return new OpenExposure(
                itemId,
                exposedAt,
                position,
                deadline,
                before.ratingCount(),
                nan(before.ratingAvg()),
                nan(before.ratingStd()),
                nan(before.releaseYearAvg()),
                nan(before.releaseYearStd()),
                before.recentPositives().stream().mapToInt(Integer::intValue).toArray(),
                before.topGenres().toArray(String[]::new),
                Double.NaN);
    }

    /**
     * The labelled sample.
     *
     * @param label 1 or 0
     * @param source {@link #CLICK}, {@link #RATING} or {@link #NONE}
     * @param rating the rating that decided it, NaN for none
     * @param labelledAt the event time of the click or rating that decided it, or the end of the window
     */
    public static Sample sample(int userId, OpenExposure e, int label, String source, double rating, long labelledAt) {
        ObjectNode n = JSON.createObjectNode();
        n.put("userId", userId);
        n.put("itemId", e.itemId());
        n.put("ts", e.second());
        n.put("label", label);
        n.put("labelSource", source);
        number(n, "rating", rating);
        n.put("exposedAt", e.exposedAt());
        n.put("position", e.position());
        n.put("labelledAt", labelledAt);
        n.put("userRatingCount", e.ratingCount());
        number(n, "userRatingAvg", e.ratingAvg());
        number(n, "userRatingStd", e.ratingStd());
        number(n, "userReleaseYearAvg", e.releaseYearAvg());
        number(n, "userReleaseYearStd", e.releaseYearStd());
        ArrayNode positives = n.putArray("userRecentPositives");
        for (int item : e.recentPositives()) {
            positives.add(item);
        }
        ArrayNode genres = n.putArray("userTopGenres");
        for (String g : e.topGenres()) {
            genres.add(g);
        }
        return new Sample(userId, n.toString());
    }

    private static void number(ObjectNode n, String name, double v) {
        if (Double.isNaN(v)) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    private static double nan(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }
}
