package dev.wren.data.movielens;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link MovieLensReader} has read so far, one {@link FileReport} per file in the order the files were first
 * read. A file read again (a second pass over the ratings) replaces its earlier report.
 *
 * @param files the per-file reports
 */
public record ReadReport(List<FileReport> files) {
    public ReadReport {
        files = List.copyOf(files);
    }

    /** Bad rows skipped across all files. */
    public long totalBadRows() {
        return files.stream().mapToLong(FileReport::badRows).sum();
    }

    /** The report for one file name, if it has been read. */
    public Optional<FileReport> file(String name) {
        return files.stream().filter(f -> f.file().equals(name)).findFirst();
    }
}
