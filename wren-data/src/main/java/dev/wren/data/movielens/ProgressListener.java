package dev.wren.data.movielens;

/**
 * Hears how far a reader is through a file, roughly every few megabytes and once at the end; the CLI drives a progress
 * bar from it. Called on the reading thread.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (file, bytesRead, totalBytes) -> {};

    /**
     * @param file the file name, e.g. {@code ratings.csv}
     * @param bytesRead bytes read so far
     * @param totalBytes the file size in bytes
     */
    void onProgress(String file, long bytesRead, long totalBytes);
}
