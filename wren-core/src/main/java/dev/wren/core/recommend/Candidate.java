package dev.wren.core.recommend;

import java.util.Objects;

/**
 * An item proposed by one recall channel.
 *
 * @param itemId the item
 * @param channel the stable name of the channel that proposed it, e.g. {@code item-cf}
 * @param recallScore the channel's own score: higher is better, comparable only within one channel
 * @param reason why it was proposed, for people: "because you liked Heat"
 */
public record Candidate(int itemId, String channel, double recallScore, String reason) {
    public Candidate {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        if (!Double.isFinite(recallScore)) {
            throw new IllegalArgumentException("recallScore must be finite, got " + recallScore);
        }
    }
}
