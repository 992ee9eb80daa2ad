package dev.wren.offline.io;

import dev.wren.data.movielens.FileReport;
import dev.wren.data.movielens.MovieLensLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A MovieLens dataset as Spark sees it, whatever the layout.
 *
 * @param layout where it came from
 * @param ratings {@code userId INT, itemId INT, rating DOUBLE, ts LONG} (seconds since the epoch)
 * @param items {@code itemId INT, title STRING, genres ARRAY<STRING>, releaseYear INT}: the title without its year,
 *     the year null when unknown
 * @param files the files read, for the manifest's input hash
 * @param badRows the files that had bad rows (skipped), with the first ones' file and line
 */
public record MovieLensData(
        MovieLensLayout layout, Dataset<Row> ratings, Dataset<Row> items, List<Path> files, List<FileReport> badRows) {
    public MovieLensData {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(items, "items");
        files = List.copyOf(files);
        badRows = List.copyOf(badRows);
    }

    /** The same dataset with other item rows (a cached copy, say). */
    public MovieLensData withItems(Dataset<Row> other) {
        return new MovieLensData(layout, ratings, other, files, badRows);
    }
}
