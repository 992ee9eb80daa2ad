package dev.wren.offline.io;

import dev.wren.offline.OfflineInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The on-disk layouts MovieLens has shipped, recognised by their rating file. */
public enum MovieLensLayout {
    /** ml-latest, ml-latest-small, ml-20m, ml-25m: {@code ratings.csv} and {@code movies.csv} with headers, UTF-8. */
    CSV("ratings.csv", "movies.csv"),
    /** ml-100k: tab-separated {@code u.data}, pipe-separated Latin-1 {@code u.item} with 19 genre flags. */
    ML_100K("u.data", "u.item"),
    /** ml-1m, ml-10m: {@code ::}-separated Latin-1 {@code ratings.dat} and {@code movies.dat}. */
    DAT("ratings.dat", "movies.dat");

    private final String ratingsFile;
    private final String itemsFile;

    MovieLensLayout(String ratingsFile, String itemsFile) {
        this.ratingsFile = ratingsFile;
        this.itemsFile = itemsFile;
    }

    public Path ratings(Path dir) {
        return dir.resolve(ratingsFile);
    }

    public Path items(Path dir) {
        return dir.resolve(itemsFile);
    }

    /** The layout of a dataset folder, or an {@link OfflineInputException} saying what was looked for. */
    public static MovieLensLayout detect(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new OfflineInputException("input folder " + dir + " does not exist");
        }
        for (MovieLensLayout layout : values()) {
            if (Files.isRegularFile(layout.ratings(dir))) {
                if (!Files.isRegularFile(layout.items(dir))) {
                    throw new OfflineInputException(
                            dir + " has " + layout.ratingsFile + " but not " + layout.itemsFile);
                }
                return layout;
            }
        }
        throw new OfflineInputException("no MovieLens ratings file in " + dir + "; looked for "
                + List.of(CSV.ratingsFile, ML_100K.ratingsFile, DAT.ratingsFile));
    }
}
