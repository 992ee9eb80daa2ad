package dev.wren.eval.baseline;

/** Anything that answers "this user's best k items": a baseline or the whole serving pipeline. */
public interface TopKRecommender {
    /** A short name for tables, e.g. {@code EASE}. */
    String name();

    /**
     * The user's best {@code k} catalogue items, best first, leaving out what the user interacted with in training.
     * Thread-safe.
     */
    int[] recommend(int userId, int k);
}
