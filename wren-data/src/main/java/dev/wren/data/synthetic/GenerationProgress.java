package dev.wren.data.synthetic;

/** Hears how far a generation has got; called from the generating thread, after each user. */
@FunctionalInterface
public interface GenerationProgress {
    /** Reports nothing. */
    GenerationProgress NONE = (written, target) -> {};

    /**
     * @param ratingsWritten ratings written so far
     * @param ratingsTarget the configured total
     */
    void update(long ratingsWritten, long ratingsTarget);
}
