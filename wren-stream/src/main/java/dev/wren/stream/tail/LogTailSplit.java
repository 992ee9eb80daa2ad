package dev.wren.stream.tail;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The one split of a followed log: the file and how far it has been read. Immutable; the reader makes a new one for
 * each checkpoint.
 *
 * @param path the log file
 * @param offset the byte offset of the first line not yet read
 * @param lines the number of lines before {@code offset}
 */
public record LogTailSplit(String path, long offset, long lines) implements SourceSplit {
    public LogTailSplit {
        if (offset < 0 || lines < 0) {
            throw new IllegalArgumentException("offset and lines must not be negative");
        }
    }

    @Override
    public String splitId() {
        return path;
    }
}
