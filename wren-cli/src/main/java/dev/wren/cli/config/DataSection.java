package dev.wren.cli.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code data} section: which dataset the commands read and how strictly.
 *
 * @param dir a MovieLens-format folder; empty for Wren's synthetic dataset in the data home
 * @param strict stop at the first bad input row instead of skipping and reporting bad rows
 */
public record DataSection(String dir, boolean strict) {
    public DataSection {
        Objects.requireNonNull(dir, "data.dir");
    }

    /** The configured dataset folder, when one is configured. */
    public Optional<Path> folder() {
        return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }
}
