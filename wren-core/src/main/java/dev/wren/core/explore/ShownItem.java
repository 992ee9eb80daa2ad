package dev.wren.core.explore;

import java.util.Objects;

/**
 * One item a policy put in a list.
 *
 * @param itemId the item
 * @param position its 0-based place in the list (0 is the top)
 * @param policy the name of the policy that placed it
 * @param propensity the probability that the policy puts this item at this position, given the candidates: in (0, 1]
 */
public record ShownItem(int itemId, int position, String policy, double propensity) {
    public ShownItem {
        Objects.requireNonNull(policy, "policy");
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, got " + position);
        }
        if (!(propensity > 0 && propensity <= 1 + 1e-12)) {
            throw new IllegalArgumentException("propensity must be in (0, 1], got " + propensity + " for " + itemId);
        }
    }
}
