package dev.wren.model.learn;

import java.nio.file.Path;

/**
 * A fresh-sample row that was refused, and why.
 *
 * @param file the file it is in
 * @param line its 1-based line (JSON lines) or row (Parquet) number
 * @param message what is wrong with it
 */
public record BadSample(Path file, long line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
