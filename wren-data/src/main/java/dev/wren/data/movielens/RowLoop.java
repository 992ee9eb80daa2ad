package dev.wren.data.movielens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a handler over every line of one file: skips blank lines and a header, catches a handler's
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

    /** Handles one raw line; throws {@link Fields.BadFieldException} with the reason when the row is bad. */
    @FunctionalInterface
    interface LineHandler {
        void line(byte[] line, int from, int len);
    }

    /**
     * Splits each line with {@code fields} and hands the fields over. Every line is split on its own, so a line whose
     * CSV quoting is malformed is one bad row and the next line is read afresh.
     *
     * @param header whether the first line may be a header; it is skipped when it does not start with a digit or '-'
     */
    static void run(Path file, Fields fields, boolean header, BadRows rows, ProgressListener progress, RowHandler h) {
        run(file, progress, rows, header, (line, from, len) -> {
            int count = fields.split(line, from, len);
            if (fields.malformed() != null) {
                throw bad(fields.malformed());
            }
            h.row(fields, count);
        });
    }

    /** Runs {@code h} over every non-blank line of {@code file}, a bad row per line it refuses. */
    static void run(Path file, ProgressListener progress, BadRows rows, boolean header, LineHandler h) {
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
                if (header && lines.lineNumber() == 1 && isHeader(buf, start)) {
                    continue;
                }
                try {
                    h.line(buf, start, len);
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

    /** A header line does not start with a digit, nor with the '-' of a (bad) negative id. */
    static boolean isHeader(byte[] line, int from) {
        byte b = line[from];
        return (b < '0' || b > '9') && b != '-';
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
