package dev.wren.data.synthetic;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a generation wrote.
 *
 * @param directory the MovieLens-format folder
 * @param users users written (all of them rate at least one movie)
 * @param movies movies written
 * @param ratings ratings written; may fall slightly short of the target when heavy users run out of movies
 * @param moviesFile {@code movies.csv}
 * @param ratingsFile {@code ratings.csv}
 * @param linksFile {@code links.csv}
 * @param hiddenDirectory the hidden truth ({@code hidden/}), readable with {@link HiddenTastes#read(Path)}
 */
public record GenerationResult(
        Path directory,
        int users,
        int movies,
        long ratings,
        Path moviesFile,
        Path ratingsFile,
        Path linksFile,
        Path hiddenDirectory) {
    public GenerationResult {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(moviesFile, "moviesFile");
        Objects.requireNonNull(ratingsFile, "ratingsFile");
        Objects.requireNonNull(linksFile, "linksFile");
        Objects.requireNonNull(hiddenDirectory, "hiddenDirectory");
    }
}
