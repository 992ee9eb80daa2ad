package dev.wren.data.movielens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a {@link RowHandler} over every row of one file: skips blank lines and a header, catches a handler's
 * {@link Fields.BadFieldException} as a bad row with its line number, and reports progress.
 */
final class RowLoop {
    private static final long PROGRESS_EVERY = 8L << 20;

    private RowLoop() {}

    /** Handles one split row; throws {@link Fields.BadFieldException} with the reason when the row is bad. */
    @FunctionalInterface
    interface RowHandler {
        void row(Fields fields, int count);
    }

    /**
     * @param header whether the first line may be a header; it is skipped when it does not start with a digit
     */
    static void run(Path file, Fields fields, boolean header, BadRows rows, ProgressListener progress, RowHandler h) {
        String name = file.getFileName().toString();
        long total;
        try {
            total = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file);
                ByteLines lines = new ByteLines(in)) {
            long nextProgress = PROGRESS_EVERY;
            int len;
            while ((len = lines.next()) >= 0) {
                if (len == 0) {
                    continue;
                }
                byte[] buf = lines.buffer();
                int start = lines.start();
                if (header && lines.lineNumber() == 1 && (buf[start] < '0' || buf[start] > '9')) {
                    continue;
                }
                int count = fields.split(buf, start, len);
                try {
                    h.row(fields, count);
                    rows.good();
                } catch (Fields.BadFieldException e) {
                    rows.bad(lines.lineNumber(), e.getMessage());
                }
                if (lines.bytesRead() >= nextProgress) {
                    progress.onProgress(name, lines.bytesRead(), total);
                    nextProgress = lines.bytesRead() + PROGRESS_EVERY;
                }
            }
            progress.onProgress(name, total, total);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Fields.BadFieldException bad(String reason) {
        return new Fields.BadFieldException(reason);
    }

    static void expectFields(int count, int expected, String columns) {
        if (count != expected) {
            throw bad("expected " + expected + " fields (" + columns + "), found " + count);
        }
    }
}
