package dev.wren.data.movielens;

import java.util.Objects;

/**
 * How a {@link MovieLensReader} treats bad rows and reports progress.
 *
 * @param strict stop at the first bad row with a {@link BadRecordException}; otherwise skip it and count it in the
 *     {@link ReadReport}
 * @param progress hears how far each file has been read
 */
public record ReadOptions(boolean strict, ProgressListener progress) {
    public ReadOptions {
        Objects.requireNonNull(progress, "progress");
    }

    /** Lenient: bad rows are skipped and reported. */
    public static ReadOptions lenient() {
        return new ReadOptions(false, ProgressListener.NONE);
    }

    /** Strict: the first bad row throws. */
    public static ReadOptions strictMode() {
        return new ReadOptions(true, ProgressListener.NONE);
    }

    /** These options with another progress listener. */
    public ReadOptions withProgress(ProgressListener listener) {
        return new ReadOptions(strict, listener);
    }
}
