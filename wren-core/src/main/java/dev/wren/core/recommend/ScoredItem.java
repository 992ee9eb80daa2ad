package dev.wren.core.recommend;

import java.util.Objects;

/**
 * An item with the score a ranker (or re-ranker) gave it; the channel and reason travel along from its candidate.
 *
 * @param itemId the item
 * @param score higher is better
 * @param channel the recall channel it came from
 * @param reason why it is recommended, for people
 */
public record ScoredItem(int itemId, double score, String channel, String reason) {
    public ScoredItem {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
    }

    /** This item with another score. */
    public ScoredItem withScore(double newScore) {
        return new ScoredItem(itemId, newScore, channel, reason);
    }
}
