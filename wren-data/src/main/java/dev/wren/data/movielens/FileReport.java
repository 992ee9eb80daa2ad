package dev.wren.data.movielens;

import java.util.List;
import java.util.Objects;

/**
 * What reading one file found.
 *
 * @param file the file name, e.g. {@code ratings.csv}
 * @param rowsRead the rows delivered or kept
 * @param badRows the rows skipped as bad
 * @param firstMessages the first {@value #MAX_MESSAGES} bad-row messages, each naming file and line
 */
public record FileReport(String file, long rowsRead, long badRows, List<String> firstMessages) {
    /** How many bad-row messages a report keeps per file. */
    public static final int MAX_MESSAGES = 20;

    public FileReport {
        Objects.requireNonNull(file, "file");
        firstMessages = List.copyOf(firstMessages);
    }
}
