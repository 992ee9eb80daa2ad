package dev.wren.eval.split;

import dev.wren.eval.data.RatingLog;
import java.util.Objects;

/**
 * A rating log divided in two: every test rating's user has training ratings, and no rating is in both.
 *
 * @param train what recommenders learn from
 * @param test what their lists are scored against
 * @param spec how it was split
 * @param droppedUsers users left out entirely (a time split's users who only rated after the cut)
 */
public record Split(RatingLog train, RatingLog test, SplitSpec spec, int droppedUsers) {
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(spec, "spec");
    }
}
