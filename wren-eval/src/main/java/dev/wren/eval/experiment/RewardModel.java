package dev.wren.eval.experiment;

/** A model of the expected reward of an item in a slot, for the doubly robust estimate. */
@FunctionalInterface
public interface RewardModel {
    double predict(int userId, int position, int itemId);
}
