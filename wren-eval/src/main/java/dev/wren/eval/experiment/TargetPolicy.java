package dev.wren.eval.experiment;

import java.util.Map;

/** The policy being evaluated offline: what it would show in a logged slot's context. */
@FunctionalInterface
public interface TargetPolicy {
    /** Item to the probability that this policy puts it at this position for this user; the values sum to 1. */
    Map<Integer, Double> distribution(int userId, int position);
}
