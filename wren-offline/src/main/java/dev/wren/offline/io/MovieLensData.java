package dev.wren.offline.io;

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
 * @param items {@code itemId INT, title STRING, genres ARRAY<STRING>, releaseYear INT} (year null when unknown)
 * @param files the files read, for the manifest's input hash
 */
public record MovieLensData(MovieLensLayout layout, Dataset<Row> ratings, Dataset<Row> items, List<Path> files) {
    public MovieLensData {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(items, "items");
        files = List.copyOf(files);
    }
}
